/* timeline.h: when things happened.  A meeting is held now (its date is
 * today) or entered afterwards from paper (补录); either way every record
 * carries the meeting's own times, and these rules keep the dates and
 * times of a matter in order.  Pure functions of their arguments: today
 * and now are passed in, never read here.
 *
 * Dates are YYYY-MM-DD and times HH:MM, compared as text (both are fixed
 * width, so the text order is the time order).  Every check returns 0, or
 * -1 with a Chinese message naming both dates or times. */
#ifndef YS_TIMELINE_H
#define YS_TIMELINE_H

#include <stddef.h>

/* how a meeting's date stands to today */
enum tense { TENSE_PAST = -1, TENSE_TODAY = 0, TENSE_FUTURE = 1 };
int date_tense(const char *date, const char *today);

/* `what` on `date` may not be before `prev_what` on `prev` (prev "" = no
 * earlier date to keep to): 「审议日期 2026-10-10 早于商议日期
 * 2026-10-15，后一步不能早于前一步。」 */
int date_order_check(const char *what, const char *date, const char *prev_what,
                     const char *prev, char *err, size_t errlen);
/* a date that has not come yet is refused: 「提议日期 2026-12-06 还没到（今天
 * 是 2026-11-30）。」 */
int date_past_check(const char *what, const char *date, const char *today,
                    char *err, size_t errlen);

/* The step a proposal takes after the one it completed last: what each
 * date is called in a message (「商议日期」, 「决议公开日期」); step 0 is a
 * meeting that takes no step (「会议日期」). */
const char *step_date_label(int step);
/* a meeting that takes `step` on `date`, for a proposal whose latest step
 * `prev_step` is dated `prev`: 0, or the refusal naming both */
int step_order_check(int step, const char *date, int prev_step, const char *prev,
                     char *err, size_t errlen);

/* ---- notices and what follows them ------------------------------------- */

/* A notice may be prepared ahead of the day it goes up, but not further
 * ahead than this. */
#define NOTICE_AHEAD_DAYS 30
/* 张贴日期 of a notice: a real date, not before `after` (the decision,
 * the last progress entry; named after_what in the refusal), and not more
 * than NOTICE_AHEAD_DAYS after today */
int notice_date_check(const char *date, const char *after_what, const char *after,
                      const char *today, char *err, size_t errlen);
/* whether a posting period that ends on `end` (inclusive; "" = no notice)
 * still runs on `date`: 实施 and 实施结果公开 dated so need a reason, and
 * a matter is not archived while its result notice is up */
int notice_period_runs(const char *date, const char *end);

/* ---- times at a meeting -------------------------------------------------- */

/* What is known of a meeting's times when something is recorded at it. */
struct meeting_times {
	const char *date;        /* the meeting's date */
	const char *today;       /* today's date */
	const char *now;         /* the clock, HH:MM */
	const char *planned;     /* the planned start */
	const char *start;       /* the actual start, "" before 宣布开会 */
	const char *end;         /* the actual end, "" before 散会 */
	const char *latest;      /* the latest time recorded at the meeting, "" */
	int held_live;           /* opened as it happened, with the clock */
};

/* A meeting is being held now when it is dated today, is not over, and
 * either was opened with the clock or, not opened yet, the clock is
 * within LIVE_BEFORE minutes before and LIVE_AFTER minutes after its
 * planned start (a meeting of this morning typed in tonight is entered
 * afterwards).  Then the clock is what the program offers; a meeting
 * entered afterwards offers the latest time already recorded, else the
 * actual start, else the planned start. */
#define LIVE_BEFORE 120
#define LIVE_AFTER 180
int meeting_is_live(const struct meeting_times *mt);
void meeting_offer_time(const struct meeting_times *mt, char out[6]);

/* what happens at a time of a meeting, for the checks and their words */
enum meeting_moment {
	MOM_SIGN,                /* 签到: may be before the start */
	MOM_START,               /* 宣布开会 */
	MOM_SPEECH,              /* 发言 */
	MOM_VOTE,                /* 表决 */
	MOM_ITEM,                /* 议程作出结论 */
	MOM_END,                 /* 散会: not before anything recorded */
	MOM_ENTRY,               /* whatever is recorded next, once begun: as a speech */
};
/* a time typed for `mom` (HH:MM or H:MM, normalised into out): not after
 * now at a meeting held today; after the start for what follows it; not
 * after the end once the meeting is over; 散会 not before the latest time
 * recorded.  0, or -1 with the message. */
int meeting_time_check(const struct meeting_times *mt, int mom, const char *t,
                       char out[6], char *err, size_t errlen);
const char *meeting_moment_name(int mom);   /* 「发言时间」… */

/* 签字确认 happens at the end of the meeting or later, never in the
 * future: stamp is "YYYY-MM-DD HH:MM" (seconds optional), normalised into
 * out as "YYYY-MM-DD HH:MM:SS" */
int seal_time_check(const struct meeting_times *mt, const char *stamp, char out[20],
                    char *err, size_t errlen);

#endif
