/* timeline.c: the order of dates and times (timeline.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "model/core.h"
#include "model/timeline.h"

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

int date_tense(const char *date, const char *today)
{
	int c = strncmp(nz(date), nz(today), 10);
	return c < 0 ? TENSE_PAST : c > 0 ? TENSE_FUTURE : TENSE_TODAY;
}

int date_order_check(const char *what, const char *date, const char *prev_what,
                     const char *prev, char *err, size_t errlen)
{
	if (!prev || !*prev || !date || !*date || strncmp(date, prev, 10) >= 0)
		return 0;
	return fail(err, errlen, "%s %.10s 不能早于%s %.10s。",
	            what, date, prev_what, prev);
}

int date_past_check(const char *what, const char *date, const char *today,
                    char *err, size_t errlen)
{
	if (date_tense(date, today) != TENSE_FUTURE)
		return 0;
	return fail(err, errlen, "%s %.10s 还没到（今天是 %.10s）。", what, date, today);
}

/* ---- steps ------------------------------------------------------------- */

static const char *const step_date_labels[STEP_MAX + 1] = {
	[STEP_NONE] = "会议日期",
	[STEP_PROPOSE] = "提议日期",
	[STEP_CONSULT] = "商议日期",
	[STEP_REVIEW] = "审议日期",
	[STEP_RESOLVE] = "决议日期",
	[STEP_PUBLISH] = "决议公开日期",
	[STEP_IMPLEMENT] = "实施日期",
	[STEP_RESULT] = "实施结果公开日期",
	[STEP_ARCHIVE] = "归档日期",
};

const char *step_date_label(int step)
{
	return step >= 0 && step <= STEP_MAX ? step_date_labels[step] : "日期";
}

int step_order_check(int step, const char *date, int prev_step, const char *prev,
                     char *err, size_t errlen)
{
	return date_order_check(step_date_label(step), date, step_date_label(prev_step), prev,
	                        err, errlen);
}

/* ---- notices ------------------------------------------------------------ */

int notice_date_check(const char *date, const char *after_what, const char *after,
                      const char *today, char *err, size_t errlen)
{
	char last[11];

	if (ys_parse_date(nz(date), NULL) != 0)
		return fail(err, errlen, "张贴日期“%s”无效，格式应为 2026-11-23。", nz(date));
	if (date_order_check("张贴日期", date, after_what, after, err, errlen) != 0)
		return -1;
	if (ys_date_add(nz(today), NOTICE_AHEAD_DAYS, last) == 0 && strncmp(date, last, 10) > 0)
		return fail(err, errlen, "张贴日期 %.10s 太远：最多提前 %d 天准备公示（今天是 %.10s）。",
		            date, NOTICE_AHEAD_DAYS, nz(today));
	return 0;
}

int notice_period_runs(const char *date, const char *end)
{
	return *nz(end) && *nz(date) && strncmp(date, end, 10) <= 0;
}

/* ---- times at a meeting --------------------------------------------------- */

static const char *const moment_names[] = {
	[MOM_SIGN] = "签到时间",
	[MOM_START] = "开会时间",
	[MOM_SPEECH] = "发言时间",
	[MOM_VOTE] = "表决时间",
	[MOM_ITEM] = "议程结束时间",
	[MOM_END] = "散会时间",
	[MOM_ENTRY] = "记录时间",
};

const char *meeting_moment_name(int mom)
{
	return mom >= MOM_SIGN && mom <= MOM_ENTRY ? moment_names[mom] : "时间";
}

static int minutes_of(const char *hm)
{
	int h, m;
	return ys_parse_time(nz(hm), &h, &m) == 0 ? h * 60 + m : -1;
}

int meeting_is_live(const struct meeting_times *mt)
{
	int now, planned;

	if (date_tense(mt->date, mt->today) != TENSE_TODAY || *nz(mt->end))
		return 0;
	if (*nz(mt->start))
		return mt->held_live;
	now = minutes_of(mt->now);
	planned = minutes_of(mt->planned);
	return planned < 0 || (now >= planned - LIVE_BEFORE && now <= planned + LIVE_AFTER);
}

static void hm_copy(char out[6], const char *s)
{
	snprintf(out, 6, "%.5s", nz(s));
}

void meeting_offer_time(const struct meeting_times *mt, char out[6])
{
	if (meeting_is_live(mt)) {
		hm_copy(out, mt->now);
		return;
	}
	if (*nz(mt->latest))
		hm_copy(out, mt->latest);
	else if (*nz(mt->start))
		hm_copy(out, mt->start);
	else
		hm_copy(out, mt->planned);
}

int meeting_time_check(const struct meeting_times *mt, int mom, const char *t,
                       char out[6], char *err, size_t errlen)
{
	const char *name = meeting_moment_name(mom);
	int hh, mm;
	char hm[6];

	if (ys_parse_time(nz(t), &hh, &mm) != 0)
		return fail(err, errlen, "%s“%s”无效，格式应为 14:30。", name, nz(t));
	snprintf(hm, sizeof hm, "%02d:%02d", hh, mm);
	if (date_tense(mt->date, mt->today) == TENSE_FUTURE)
		return fail(err, errlen, "会议日期 %.10s 还没到（今天是 %.10s），不能记录%s。",
		            nz(mt->date), nz(mt->today), name);
	if (date_tense(mt->date, mt->today) == TENSE_TODAY && *nz(mt->now) &&
	    strcmp(hm, mt->now) > 0)
		return fail(err, errlen, "%s %s 还没到（现在是 %.5s）。", name, hm, mt->now);
	if (mom != MOM_SIGN && mom != MOM_START && *nz(mt->start) && strcmp(hm, mt->start) < 0)
		return fail(err, errlen, "%s %s 早于开会时间 %.5s。", name, hm, mt->start);
	if (mom != MOM_END && *nz(mt->end) && strcmp(hm, mt->end) > 0)
		return fail(err, errlen, "%s %s 晚于散会时间 %.5s。", name, hm, mt->end);
	if (mom == MOM_END && *nz(mt->latest) && strcmp(hm, mt->latest) < 0)
		return fail(err, errlen, "散会时间 %s 早于会上已记录的最晚时间 %.5s。", hm, mt->latest);
	if (mom == MOM_END && *nz(mt->start) && strcmp(hm, mt->start) < 0)
		return fail(err, errlen, "散会时间 %s 早于开会时间 %.5s。", hm, mt->start);
	if (out)
		memcpy(out, hm, sizeof hm);
	return 0;
}

int seal_time_check(const struct meeting_times *mt, const char *stamp, char out[20],
                    char *err, size_t errlen)
{
	char buf[20], end[20], today_now[20];
	size_t n = strlen(nz(stamp));

	/* "YYYY-MM-DD HH:MM" or with seconds */
	if (n == 16)
		snprintf(buf, sizeof buf, "%s:00", stamp);
	else
		snprintf(buf, sizeof buf, "%.19s", nz(stamp));
	if ((n != 16 && n != 19) || ys_parse_stamp(buf) == (time_t)-1)
		return fail(err, errlen, "签字时间“%s”无效，格式应为 2026-11-22 16:30。", nz(stamp));
	snprintf(end, sizeof end, "%.10s %.5s:00", nz(mt->date), *nz(mt->end) ? mt->end : "00:00");
	if (strcmp(buf, end) < 0)
		return fail(err, errlen, "签字时间 %.16s 早于散会时间 %.16s。", buf, end);
	snprintf(today_now, sizeof today_now, "%.10s %.5s:59", nz(mt->today), nz(mt->now));
	if (*nz(mt->today) && strcmp(buf, today_now) > 0)
		return fail(err, errlen, "签字时间 %.16s 还没到（现在是 %.10s %.5s）。", buf,
		            mt->today, nz(mt->now));
	if (out)
		memcpy(out, buf, sizeof buf);
	return 0;
}
