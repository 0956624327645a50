/* diary.h: 民情日记 as data — how urgent a concern is, when its reply is
 * due, and whether it stands 待答复, 已答复 or 逾期.  Pure functions of
 * their arguments (today is passed in), no SQL, no terminal. */
#ifndef YS_MODEL_DIARY_H
#define YS_MODEL_DIARY_H

#include <stddef.h>

/* 一般 / 较急 / 紧急, as stored in diary.urgency */
enum urgency { URG_NORMAL = 0, URG_SOON = 1, URG_URGENT = 2, URG_COUNT };

struct urgency_def {
	int urgency;
	const char *name;        /* 「紧急」 */
	int due_days;            /* the reply is due this many days after the
	                          * concern was raised */
};
extern const struct urgency_def urgency_table[URG_COUNT];
/* the name of an urgency (「一般」 for one out of range) */
const char *urgency_name(int urgency);
/* 「一般」「较急」「紧急」 -> enum urgency, -1 when unknown */
int urgency_by_name(const char *name);
/* the day the reply is due: raised_on + the urgency's days; 0 or -1 */
int diary_due_date(const char *raised_on, int urgency, char out[11]);

/* where an entry stands */
enum diary_state { DS_OPEN = 1, DS_ANSWERED = 2, DS_OVERDUE = 3 };
/* answered when a reply and its day are recorded; else overdue when the
 * due day is before today; else open */
int diary_state(const char *raised_on, int urgency, const char *replied_on,
                const char *today);
const char *diary_state_name(int state);  /* 待答复 / 已答复 / 逾期 */

/* The filters of the list and of `yishiting list diary --state`:
 * DF_ALL, or one state (DF_OPEN lists the overdue ones too: every entry
 * not answered yet) */
enum diary_filter { DF_ALL = 0, DF_OPEN = 1, DF_ANSWERED = 2, DF_OVERDUE = 3, DF_COUNT };
extern const char *const diary_filter_names[DF_COUNT];  /* 全部 待答复 已答复 逾期 */
extern const char *const diary_filter_words[DF_COUNT];  /* all open answered overdue */
/* the word of --state into enum diary_filter, -1 when unknown */
int diary_filter_by_word(const char *word);

#endif
