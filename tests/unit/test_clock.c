/* test_clock.c: the fixed clock, date parsing and formatting.  Checks go
 * through broken-down local time, so they hold in any time zone. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "t.h"
#include "base/clock.h"

static void set_tz(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void t_env_clock(void)
{
	struct tm t;
	char buf[32];

	setenv("YISHITING_NOW", "2026-11-02 14:05", 1);
	ys_now_tm(&t);
	CHECK_INT(t.tm_year, 126);
	CHECK_INT(t.tm_mon, 10);
	CHECK_INT(t.tm_mday, 2);
	CHECK_INT(t.tm_hour, 14);
	CHECK_INT(t.tm_min, 5);
	CHECK_INT(t.tm_sec, 0);
	CHECK_INT(ys_year_now(), 2026);
	ys_fmt_stamp(&t, buf);
	CHECK_STR(buf, "2026-11-02 14:05:00");
	ys_fmt_date(&t, buf);
	CHECK_STR(buf, "2026-11-02");
	ys_fmt_time(&t, buf);
	CHECK_STR(buf, "14:05");
	ys_fmt_cn_date(&t, buf);
	CHECK_STR(buf, "2026年11月2日");
	CHECK_STR(ys_weekday_cn(&t), "周一");

	setenv("YISHITING_NOW", "2024-02-29 23:59:58", 1);
	ys_now_tm(&t);
	ys_fmt_stamp(&t, buf);
	CHECK_STR(buf, "2024-02-29 23:59:58");
	CHECK_STR(ys_weekday_cn(&t), "周四");

	/* nonsense in the variable: the system clock */
	setenv("YISHITING_NOW", "2026-02-30 10:00", 1);
	CHECK(labs((long)(ys_now() - time(NULL))) <= 2);
	unsetenv("YISHITING_NOW");
	CHECK(labs((long)(ys_now() - time(NULL))) <= 2);
}

static void t_clock_set(void)
{
	struct tm t;
	char buf[32];
	time_t fixed = ys_parse_stamp("2025-06-01 09:30");

	CHECK(fixed != (time_t)-1);
	setenv("YISHITING_NOW", "2026-11-02 14:05", 1);
	ys_clock_set(fixed);                        /* wins over the variable */
	CHECK(ys_now() == fixed);
	ys_now_tm(&t);
	ys_fmt_stamp(&t, buf);
	CHECK_STR(buf, "2025-06-01 09:30:00");
	CHECK_INT(ys_year_now(), 2025);
	ys_clock_set(0);                            /* back to the variable */
	ys_now_tm(&t);
	ys_fmt_stamp(&t, buf);
	CHECK_STR(buf, "2026-11-02 14:05:00");
	unsetenv("YISHITING_NOW");
}

/* stamps are local time: 14:05 in UTC+8 is 8 hours before 14:05 UTC */
static void t_local_time(void)
{
	time_t utc, cst;
	struct tm t;
	char buf[32];

	set_tz("UTC0");
	utc = ys_parse_stamp("2026-11-02 14:05");
	set_tz("CST-8");
	cst = ys_parse_stamp("2026-11-02 14:05");
	CHECK_INT((long)(utc - cst), 8 * 3600);
	setenv("YISHITING_NOW", "2026-11-02 01:00", 1);
	ys_now_tm(&t);
	ys_fmt_stamp(&t, buf);
	CHECK_STR(buf, "2026-11-02 01:00:00");
	unsetenv("YISHITING_NOW");
	set_tz(NULL);
}

static void t_parse_stamp(void)
{
	static const char *bad[] = {
		"", "2026-11-02", "2026-11-02 14", "2026-11-02 24:00",
		"2026-11-02 12:60", "2026-11-02 12:00:60", "2026-11-02T12:00",
		"2026-11-02 12:00 ", "2026-02-29 12:00", "2026-11-02 1:00",
		"2026-11-02 12:00:5", "２０２６-11-02 12:00",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(ys_parse_stamp(bad[i]), -1);
	CHECK_INT(ys_parse_stamp(NULL), -1);
	CHECK(ys_parse_stamp("2026-11-02 00:00") != -1);
	CHECK_INT(ys_parse_stamp("2026-11-02 00:01:30") - ys_parse_stamp("2026-11-02 00:00"), 90);
}

static void t_parse_date(void)
{
	static const char *good[] = {
		"2026-11-02", "2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01",
		"2026-04-30",
	};
	static const char *bad[] = {
		"2026-02-29", "2026-02-30", "1900-02-29", "2100-02-29", "2026-04-31",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-01",
		"2026-01-1", "26-01-01", "2026/01/01", "2026-01-01x", "2026-01-01 ",
		" 2026-01-01", "", "abcd-ef-gh",
	};
	struct tm t;
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECK_INT(ys_parse_date(good[i], &t), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_INT(ys_parse_date(bad[i], &t), -1);
	CHECK_INT(ys_parse_date(NULL, &t), -1);
	CHECK_INT(ys_parse_date("2026-11-02", NULL), 0);
	CHECK_INT(ys_parse_date("2026-11-02", &t), 0);
	CHECK_INT(t.tm_year, 126);
	CHECK_INT(t.tm_mon, 10);
	CHECK_INT(t.tm_mday, 2);
	CHECK_INT(t.tm_wday, 1);                    /* Monday */
	CHECK_INT(t.tm_yday, 305);
	CHECK_STR(ys_weekday_cn(&t), "周一");
	ys_parse_date("2026-11-22", &t);
	CHECK_STR(ys_weekday_cn(&t), "周日");
	ys_parse_date("1970-01-01", &t);
	CHECK_STR(ys_weekday_cn(&t), "周四");
	ys_parse_date("1969-12-31", &t);
	CHECK_STR(ys_weekday_cn(&t), "周三");
}

static void t_parse_time(void)
{
	int h = -1, m = -1;

	CHECK_INT(ys_parse_time("09:30", &h, &m), 0);
	CHECK_INT(h, 9);
	CHECK_INT(m, 30);
	CHECK_INT(ys_parse_time("9:05", &h, &m), 0);
	CHECK_INT(h, 9);
	CHECK_INT(m, 5);
	CHECK_INT(ys_parse_time("00:00", &h, &m), 0);
	CHECK_INT(ys_parse_time("23:59", &h, &m), 0);
	CHECK_INT(ys_parse_time("24:00", &h, &m), -1);
	CHECK_INT(ys_parse_time("12:60", &h, &m), -1);
	CHECK_INT(ys_parse_time("12:5", &h, &m), -1);
	CHECK_INT(ys_parse_time("12:05:00", &h, &m), -1);
	CHECK_INT(ys_parse_time("1205", &h, &m), -1);
	CHECK_INT(ys_parse_time("", &h, &m), -1);
	CHECK_INT(ys_parse_time(NULL, &h, &m), -1);
}

static void t_cn_date(void)
{
	char out[32];

	CHECK_INT(ys_cn_date("2026-11-02", out), 0);
	CHECK_STR(out, "2026年11月2日");
	CHECK_INT(ys_cn_date("2026-01-05", out), 0);
	CHECK_STR(out, "2026年1月5日");
	CHECK_INT(ys_cn_date("2026-12-31", out), 0);
	CHECK_STR(out, "2026年12月31日");
	CHECK_INT(ys_cn_date("2026-02-30", out), -1);
	CHECK_STR(out, "");
	CHECK_INT(ys_cn_date("not a date", out), -1);
}

static void t_days_between(void)
{
	CHECK_INT(ys_days_between("2026-11-02", "2026-11-02"), 0);
	CHECK_INT(ys_days_between("2026-11-02", "2026-11-22"), 20);
	CHECK_INT(ys_days_between("2026-11-22", "2026-11-02"), -20);
	CHECK_INT(ys_days_between("2026-01-31", "2026-02-01"), 1);
	CHECK_INT(ys_days_between("2026-02-28", "2026-03-01"), 1);
	CHECK_INT(ys_days_between("2024-02-28", "2024-03-01"), 2);   /* leap day */
	CHECK_INT(ys_days_between("2000-02-28", "2000-03-01"), 2);
	CHECK_INT(ys_days_between("2100-02-28", "2100-03-01"), 1);
	CHECK_INT(ys_days_between("2025-12-31", "2026-01-01"), 1);
	CHECK_INT(ys_days_between("2024-01-01", "2025-01-01"), 366);
	CHECK_INT(ys_days_between("2026-01-01", "2027-01-01"), 365);
	/* across a DST change in a zone that has one: still whole days */
	set_tz("EST5EDT,M3.2.0,M11.1.0");
	CHECK_INT(ys_days_between("2026-03-07", "2026-03-09"), 2);
	set_tz(NULL);
	CHECK_INT(ys_days_between("2026-02-30", "2026-03-01"), 0);
	CHECK_INT(ys_days_between("2026-03-01", ""), 0);
	CHECK_INT(ys_days_between(NULL, "2026-03-01"), 0);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	RUN(t_env_clock);
	RUN(t_clock_set);
	RUN(t_local_time);
	RUN(t_parse_stamp);
	RUN(t_parse_date);
	RUN(t_parse_time);
	RUN(t_cn_date);
	RUN(t_days_between);
	T_DONE();
}
