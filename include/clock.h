/* clock.h: the program's idea of "now".  Tests fix it with the environment
 * variable YISHITING_NOW="YYYY-MM-DD HH:MM" (or "YYYY-MM-DD HH:MM:SS");
 * otherwise the system clock in local time. */
#ifndef YS_CLOCK_H
#define YS_CLOCK_H

#include <time.h>

time_t ys_now(void);
/* fix the clock inside this process (the demo loader replays past meetings);
 * 0 returns to YISHITING_NOW / the system clock */
void ys_clock_set(time_t t);
/* local time of a "YYYY-MM-DD HH:MM" string; -1 if invalid */
time_t ys_parse_stamp(const char *s);
void ys_now_tm(struct tm *out);               /* local broken-down now */

/* formats of now or of a given tm */
void ys_fmt_date(const struct tm *t, char out[11]);      /* 2026-11-22 */
void ys_fmt_time(const struct tm *t, char out[6]);       /* 14:05 */
void ys_fmt_stamp(const struct tm *t, char out[20]);     /* 2026-11-22 14:05:00 */
void ys_fmt_cn_date(const struct tm *t, char out[32]);   /* 2026年11月22日 */
const char *ys_weekday_cn(const struct tm *t);           /* 周日 */
int ys_year_now(void);

/* parse / validate.  Return 0 when valid, -1 otherwise. */
int ys_parse_date(const char *s, struct tm *out);        /* YYYY-MM-DD, real calendar date */
int ys_parse_time(const char *s, int *hh, int *mm);      /* HH:MM, 00:00-23:59 */
/* 2026-11-22 -> 2026年11月22日 (no zero padding); -1 if s is not a date */
int ys_cn_date(const char *iso, char out[32]);
/* days from date a to date b (b - a), both YYYY-MM-DD; 0 on parse error */
int ys_days_between(const char *a, const char *b);

#endif
