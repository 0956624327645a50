/* test_timeline.c: the order of dates and times (model/timeline.h) — a
 * meeting held now or entered afterwards, steps that may not come before
 * the step they follow, times at a meeting, the time of signing. */
#include <string.h>

#include "t.h"
#include "model/core.h"
#include "model/timeline.h"

static char err[512];

static void t_tense(void)
{
	CHECK_INT(date_tense("2026-10-15", "2026-11-22"), TENSE_PAST);
	CHECK_INT(date_tense("2026-11-22", "2026-11-22"), TENSE_TODAY);
	CHECK_INT(date_tense("2026-12-06", "2026-11-22"), TENSE_FUTURE);
	/* a stamp is taken by its date */
	CHECK_INT(date_tense("2026-11-22 09:30:00", "2026-11-22"), TENSE_TODAY);
}

static void t_date_order(void)
{
	CHECK_INT(date_order_check("审议日期", "2026-10-20", "商议日期", "2026-10-15", err, sizeof err), 0);
	CHECK_INT(date_order_check("审议日期", "2026-10-15", "商议日期", "2026-10-15", err, sizeof err), 0);
	CHECK_INT(date_order_check("审议日期", "2026-10-10", "商议日期", "2026-10-15", err, sizeof err), -1);
	CHECK_STR(err, "审议日期 2026-10-10 不能早于商议日期 2026-10-15。");
	/* the earlier date may be a stamp: only its date counts */
	CHECK_INT(date_order_check("决议公开日期", "2026-11-23", "决议日期", "2026-11-23 10:40:00",
	                           err, sizeof err), 0);
	CHECK_INT(date_order_check("决议公开日期", "2026-11-22", "决议日期", "2026-11-23 10:40:00",
	                           err, sizeof err), -1);
	CHECK_STR(err, "决议公开日期 2026-11-22 不能早于决议日期 2026-11-23。");
	/* nothing earlier to keep to */
	CHECK_INT(date_order_check("商议日期", "2026-10-15", "提议日期", "", err, sizeof err), 0);
	CHECK_INT(date_past_check("提议日期", "2026-11-22", "2026-11-22", err, sizeof err), 0);
	CHECK_INT(date_past_check("提议日期", "2026-12-06", "2026-11-30", err, sizeof err), -1);
	CHECK_STR(err, "提议日期 2026-12-06 还没到（今天是 2026-11-30）。");
}

/* a notice goes up after its decision, at most 30 days ahead; its
 * posting period runs to its last day inclusive */
static void t_notice_dates(void)
{
	CHECK_INT(notice_date_check("2026-11-23", "决议日期", "2026-11-06", "2026-11-22", err, sizeof err), 0);
	CHECK_INT(notice_date_check("2026-11-06", "决议日期", "2026-11-06", "2026-11-22", err, sizeof err), 0);
	CHECK_INT(notice_date_check("2026-11-05", "决议日期", "2026-11-06", "2026-11-22", err, sizeof err), -1);
	CHECK_STR(err, "张贴日期 2026-11-05 不能早于决议日期 2026-11-06。");
	CHECK_INT(notice_date_check("2026-12-22", "决议日期", "2026-11-06", "2026-11-22", err, sizeof err), 0);
	CHECK_INT(notice_date_check("2026-12-23", "决议日期", "2026-11-06", "2026-11-22", err, sizeof err), -1);
	CHECK_STR(err, "张贴日期 2026-12-23 太远：最多提前 30 天准备公示（今天是 2026-11-22）。");
	CHECK_INT(notice_date_check("2026-02-30", "决议日期", "2026-01-06", "2026-02-22", err, sizeof err), -1);
	CHECK_STR(err, "张贴日期“2026-02-30”无效，格式应为 2026-11-23。");
	CHECK_INT(notice_date_check(NULL, "决议日期", "2026-01-06", "2026-02-22", err, sizeof err), -1);
	CHECK_INT(notice_period_runs("2026-11-29", "2026-11-29"), 1);
	CHECK_INT(notice_period_runs("2026-11-24", "2026-11-29"), 1);
	CHECK_INT(notice_period_runs("2026-11-30", "2026-11-29"), 0);
	CHECK_INT(notice_period_runs("2026-11-24", ""), 0);      /* no notice */
	CHECK_INT(notice_period_runs("", "2026-11-29"), 0);
}

static void t_step_order(void)
{
	/* a 党员大会 (审议) before the 两委联席会议 (商议) it follows */
	CHECK_INT(step_order_check(STEP_REVIEW, "2026-10-10", STEP_CONSULT, "2026-10-15", err, sizeof err), -1);
	CHECK_STR(err, "审议日期 2026-10-10 不能早于商议日期 2026-10-15。");
	/* a 决议 before its 审议 */
	CHECK_INT(step_order_check(STEP_RESOLVE, "2026-10-31", STEP_REVIEW, "2026-11-01", err, sizeof err), -1);
	CHECK_CONTAINS(err, "决议日期 2026-10-31 不能早于审议日期 2026-11-01");
	/* a 商议 before the proposal was made */
	CHECK_INT(step_order_check(STEP_CONSULT, "2026-10-01", STEP_PROPOSE, "2026-10-08", err, sizeof err), -1);
	CHECK_CONTAINS(err, "商议日期 2026-10-01 不能早于提议日期 2026-10-08");
	/* a round table takes no step: its date is the meeting's */
	CHECK_INT(step_order_check(STEP_NONE, "2026-10-01", STEP_PROPOSE, "2026-10-08", err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议日期 2026-10-01 不能早于提议日期");
	CHECK_INT(step_order_check(STEP_RESOLVE, "2026-11-06", STEP_REVIEW, "2026-10-22", err, sizeof err), 0);
	CHECK_STR(step_date_label(STEP_RESULT), "实施结果公开日期");
	CHECK_STR(step_passed_phrase(STEP_CONSULT), "商议通过，提交党员大会审议");
	CHECK_STR(step_passed_phrase(STEP_RESOLVE), "决议通过，予以公开并组织实施");
	CHECK_STR(step_passed_phrase(STEP_PUBLISH), "");
	CHECK_STR(step_date_label(99), "日期");
}

/* a 两委联席会议 planned for 2026-10-15 09:30 */
static struct meeting_times past(void)
{
	struct meeting_times mt = {
		.date = "2026-10-15", .today = "2026-11-22", .now = "14:05",
		.planned = "09:30", .start = "", .end = "", .latest = "",
	};
	return mt;
}

static void t_live(void)
{
	struct meeting_times mt = past();
	char t[6];

	/* entered afterwards: the planned start, then the actual, then the
	 * latest recorded */
	CHECK_INT(meeting_is_live(&mt), 0);
	meeting_offer_time(&mt, t);
	CHECK_STR(t, "09:30");
	mt.start = "09:35";
	meeting_offer_time(&mt, t);
	CHECK_STR(t, "09:35");
	mt.latest = "10:20";
	meeting_offer_time(&mt, t);
	CHECK_STR(t, "10:20");

	/* today, around its planned start: held now, the clock is offered */
	mt = past();
	mt.date = "2026-11-22";
	mt.planned = "14:30";
	CHECK_INT(meeting_is_live(&mt), 1);
	meeting_offer_time(&mt, t);
	CHECK_STR(t, "14:05");
	/* this morning's meeting typed in this afternoon: entered afterwards */
	mt.planned = "09:30";
	mt.now = "19:40";
	CHECK_INT(meeting_is_live(&mt), 0);
	meeting_offer_time(&mt, t);
	CHECK_STR(t, "09:30");
	/* once opened, as it was opened */
	mt.start = "09:30";
	mt.held_live = 0;
	CHECK_INT(meeting_is_live(&mt), 0);
	mt.held_live = 1;
	CHECK_INT(meeting_is_live(&mt), 1);
	/* over: nothing is live */
	mt.end = "11:10";
	CHECK_INT(meeting_is_live(&mt), 0);
	/* a meeting in the future is not held now */
	mt = past();
	mt.date = "2026-12-06";
	CHECK_INT(meeting_is_live(&mt), 0);
}

static void t_times(void)
{
	struct meeting_times mt = past();
	char t[6];

	CHECK_INT(meeting_time_check(&mt, MOM_SIGN, "9:20", t, err, sizeof err), 0);
	CHECK_STR(t, "09:20");                     /* normalised */
	CHECK_INT(meeting_time_check(&mt, MOM_SIGN, "25:00", t, err, sizeof err), -1);
	CHECK_STR(err, "签到时间“25:00”无效，格式应为 14:30。");
	CHECK_INT(meeting_time_check(&mt, MOM_START, "09:35", t, err, sizeof err), 0);
	mt.start = "09:35";
	/* a sign-in may come before the start, a speech may not */
	CHECK_INT(meeting_time_check(&mt, MOM_SIGN, "09:20", t, err, sizeof err), 0);
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "09:20", t, err, sizeof err), -1);
	CHECK_STR(err, "发言时间 09:20 早于开会时间 09:35。");
	CHECK_INT(meeting_time_check(&mt, MOM_VOTE, "09:30", t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "表决时间 09:30 早于开会时间 09:35");
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "10:05", t, err, sizeof err), 0);
	/* at a meeting entered afterwards a time later than the clock is
	 * fine: it happened on another day */
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "23:05", t, err, sizeof err), 0);
	/* 散会 not before what is recorded, nor before the start */
	mt.latest = "11:05";
	CHECK_INT(meeting_time_check(&mt, MOM_END, "10:50", t, err, sizeof err), -1);
	CHECK_STR(err, "散会时间 10:50 早于会上已记录的最晚时间 11:05。");
	CHECK_INT(meeting_time_check(&mt, MOM_END, "11:10", t, err, sizeof err), 0);
	/* after 散会, an edited speech stays within the meeting */
	mt.end = "11:10";
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "11:20", t, err, sizeof err), -1);
	CHECK_STR(err, "发言时间 11:20 晚于散会时间 11:10。");
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "11:10", t, err, sizeof err), 0);

	/* today: the clock is the limit */
	mt = past();
	mt.date = "2026-11-22";
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "15:00", t, err, sizeof err), -1);
	CHECK_STR(err, "发言时间 15:00 还没到（现在是 14:05）。");
	CHECK_INT(meeting_time_check(&mt, MOM_SPEECH, "14:05", t, err, sizeof err), 0);
	/* a meeting in the future: nothing can be recorded */
	mt.date = "2026-12-06";
	CHECK_INT(meeting_time_check(&mt, MOM_START, "09:30", t, err, sizeof err), -1);
	CHECK_STR(err, "会议日期 2026-12-06 还没到（今天是 2026-11-22），不能记录开会时间。");
	CHECK_STR(meeting_moment_name(MOM_ITEM), "议程结束时间");
}

static void t_seal_time(void)
{
	struct meeting_times mt = past();
	char s[20];

	mt.start = "09:30";
	mt.end = "11:10";
	CHECK_INT(seal_time_check(&mt, "2026-10-15 11:20", s, err, sizeof err), 0);
	CHECK_STR(s, "2026-10-15 11:20:00");
	CHECK_INT(seal_time_check(&mt, "2026-10-16 09:00:30", s, err, sizeof err), 0);
	CHECK_STR(s, "2026-10-16 09:00:30");
	CHECK_INT(seal_time_check(&mt, "2026-10-15 11:00", s, err, sizeof err), -1);
	CHECK_STR(err, "签字时间 2026-10-15 11:00 早于散会时间 2026-10-15 11:10。");
	CHECK_INT(seal_time_check(&mt, "2026-11-23 08:00", s, err, sizeof err), -1);
	CHECK_STR(err, "签字时间 2026-11-23 08:00 还没到（现在是 2026-11-22 14:05）。");
	CHECK_INT(seal_time_check(&mt, "2026-11-22 14:05", s, err, sizeof err), 0);
	CHECK_INT(seal_time_check(&mt, "2026-10-15", s, err, sizeof err), -1);
	CHECK_CONTAINS(err, "格式应为 2026-11-22 16:30");
	CHECK_INT(seal_time_check(&mt, "2026-02-30 10:00", s, err, sizeof err), -1);
	CHECK_INT(seal_time_check(&mt, NULL, s, err, sizeof err), -1);
}

int main(void)
{
	RUN(t_tense);
	RUN(t_date_order);
	RUN(t_step_order);
	RUN(t_notice_dates);
	RUN(t_live);
	RUN(t_times);
	RUN(t_seal_time);
	T_DONE();
}
