/* clock.h: the program's idea of "now".  Tests fix it with the environment
 * variable YISHITING_NOW="YYYY-MM-DD HH:MM" (or "YYYY-MM-DD HH:MM:SS");
 * otherwise the system clock in local time. */
#ifndef YS_CLOCK_H
#define YS_CLOCK_H

#include <stddef.h>
#include <time.h>

time_t ys_now(void);
/* fix the clock inside this process (the demo loader replays past meetings);
 * 0 returns to YISHITING_NOW / the system clock */
void ys_clock_set(time_t t);
/* local time of a "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" string
 * (exactly that form, a real date); -1 if invalid */
time_t ys_parse_stamp(const char *s);
void ys_now_tm(struct tm *out);               /* local broken-down now */

/* formats of now or of a given tm ("" if the tm is out of range) */
void ys_fmt_date(const struct tm *t, char out[11]);      /* 2026-11-22 */
void ys_fmt_time(const struct tm *t, char out[6]);       /* 14:05 */
void ys_fmt_stamp(const struct tm *t, char out[20]);     /* 2026-11-22 14:05:00 */
void ys_fmt_cn_date(const struct tm *t, char out[32]);   /* 2026年11月22日 */
const char *ys_weekday_cn(const struct tm *t);           /* 周日 */
int ys_year_now(void);
void ys_today(char out[11]);                             /* today's date */

/* parse / validate.  Return 0 when valid, -1 otherwise. */
/* YYYY-MM-DD exactly, a real calendar date in years 1000-9999 (leap years
 * honoured).  out (may be NULL) gets year/month/day, tm_wday and tm_yday,
 * time 00:00:00, tm_isdst -1; computed without the time zone. */
int ys_parse_date(const char *s, struct tm *out);
/* HH:MM or H:MM, 00:00-23:59; hh/mm may be NULL */
int ys_parse_time(const char *s, int *hh, int *mm);
/* 2026-11-22 -> 2026年11月22日 (no zero padding); -1 if s is not a date */
int ys_cn_date(const char *iso, char out[32]);
/* the same, but anything that is not a date is copied as it is */
void ys_cn_date_any(const char *iso, char out[32]);
/* "2026-11-22 20:15:00" -> "2026年11月22日 20:15"; anything else as it is */
void ys_cn_stamp(const char *stamp, char *out, size_t len);
/* days from date a to date b (b - a), both YYYY-MM-DD; 0 on parse error.
 * Pure calendar arithmetic: no time zone or DST effects. */
int ys_days_between(const char *a, const char *b);
/* the date `days` after (or before, when negative) iso into out; -1 if iso
 * is not a date or the result leaves the years 1000-9999 */
int ys_date_add(const char *iso, int days, char out[11]);

#endif
