/* diary.c: 民情日记's urgencies, due days and states (model/diary.h). */
#include <string.h>

#include "base/clock.h"
#include "model/diary.h"

/* the days a reply is due in, by urgency: 紧急 within 3 days, 较急 within a
 * week, 一般 within 15 days (the usual 接诉即办 practice of 3/7/15 days) */
const struct urgency_def urgency_table[URG_COUNT] = {
	{ URG_NORMAL, "一般", 15 },
	{ URG_SOON, "较急", 7 },
	{ URG_URGENT, "紧急", 3 },
};

const char *urgency_name(int urgency)
{
	return urgency >= 0 && urgency < URG_COUNT ? urgency_table[urgency].name
	       : urgency_table[URG_NORMAL].name;
}

int urgency_by_name(const char *name)
{
	for (int i = 0; name && i < URG_COUNT; i++)
		if (strcmp(urgency_table[i].name, name) == 0)
			return urgency_table[i].urgency;
	return -1;
}

int diary_due_date(const char *raised_on, int urgency, char out[11])
{
	if (urgency < 0 || urgency >= URG_COUNT)
		urgency = URG_NORMAL;
	return ys_date_add(raised_on, urgency_table[urgency].due_days, out);
}

int diary_state(const char *raised_on, int urgency, const char *replied_on,
                const char *today)
{
	char due[11];

	if (replied_on && *replied_on)
		return DS_ANSWERED;
	if (diary_due_date(raised_on, urgency, due) == 0 && strcmp(due, today) < 0)
		return DS_OVERDUE;
	return DS_OPEN;
}

const char *diary_state_name(int state)
{
	switch (state) {
	case DS_ANSWERED: return "已答复";
	case DS_OVERDUE: return "逾期";
	default: return "待答复";
	}
}

const char *const diary_filter_names[DF_COUNT] = { "全部", "待答复", "已答复", "逾期" };
const char *const diary_filter_words[DF_COUNT] = { "all", "open", "answered", "overdue" };

int diary_filter_by_word(const char *word)
{
	for (int i = 0; word && i < DF_COUNT; i++)
		if (strcmp(diary_filter_words[i], word) == 0 ||
		    strcmp(diary_filter_names[i], word) == 0)
			return i;
	return -1;
}
