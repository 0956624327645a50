/* attendance.c: signing in (签到、请假、缺席), 列席, and the lines of the
 * minutes (发言记录). */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

int ops_attend(struct store *st, const char *mid, const char *person_id,
               int status, const char *reason, const char *at, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct attendance a;
	char hm[6] = "";
	int rc;

	if (status < ATT_NONE || status > ATT_ABSENT)
		return ys_err(err, errlen, "签到状态无效（列席请另行登记）。");
	if (status == ATT_LEAVE && !ys_has_text(reason))
		return ys_err(err, errlen, "请假须写明原因。");
	if (meeting_begin(st, mid, OPM_SIGN, &ms, err, errlen) != 0)
		return -1;
	if (status == ATT_PRESENT && meeting_time(&ms, MOM_SIGN, at, hm, err, errlen) != 0)
		return op_end(st, -1, err, errlen);
	rc = store_attendance_get(st, ms.m.id, person_id ? person_id : "", &a);
	if (rc == 1)
		rc = ys_err(err, errlen, "此人不在本次会议的签到表中（可登记为列席）。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	else if (a.status == ATT_OBSERVER)
		rc = ys_err(err, errlen, "%s是列席人员，不计入应到和实到。", a.name);
	/* a reason belongs to 请假 only: signing in clears an old one */
	else if (store_attendance_set(st, ms.m.id, a.person_id, status,
	                              status == ATT_LEAVE ? reason : "", hm) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_observer(struct store *st, const char *mid, const char *person_id,
                 const char *name, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct attendance a;
	int rc = 0;

	if (!opt(person_id) && !ys_has_text(name))
		return ys_err(err, errlen, "请选择列席人员或填写姓名。");
	if (name && text_chars(name) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (meeting_begin(st, mid, OPM_OBSERVER, &ms, err, errlen) != 0)
		return -1;
	if (opt(person_id)) {
		rc = store_attendance_get(st, ms.m.id, person_id, &a);
		if (rc == 0)
			rc = ys_err(err, errlen, "%s已在本次会议的签到表中。", a.name);
		else if (rc != 1)
			rc = store_fail(st, err, errlen);
		else
			rc = 0;
	}
	if (rc == 0 && store_attendance_add_observer(st, ms.m.id, opt(person_id), opt(name)) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

/* a line about an item of another meeting would print in the wrong minutes */
static int agenda_of(struct store *st, const char *mid, const char *aid, char *err, size_t errlen)
{
	struct agenda_item a;

	if (!aid[0])
		return 0;
	if (load_agenda(st, mid, aid, &a, err, errlen) != 0)
		return -1;
	agenda_clear(&a);
	return 0;
}

int ops_minute_add(struct store *st, struct minute *mi, char *err, size_t errlen)
{
	struct meeting_state ms;
	int rc;

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	if (meeting_begin(st, mi->meeting_id, OPM_MINUTE, &ms, err, errlen) != 0)
		return -1;
	rc = agenda_of(st, ms.m.id, mi->agenda_id, err, errlen);
	if (rc == 0)
		rc = meeting_time(&ms, MOM_SPEECH, mi->at, mi->at, err, errlen);
	if (rc == 0 && store_minute_add(st, mi) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_minute_update(struct store *st, const struct minute *mi, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct minute old, row;
	int rc;

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	row = *mi;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	/* the meeting the line really belongs to, whatever the caller says */
	rc = store_minute_get(st, mi->id, &old);
	if (rc == 1)
		rc = ys_err(err, errlen, "会议记录不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	else {
		rc = strcmp(old.meeting_id, mi->meeting_id) != 0
			? ys_err(err, errlen, "该条记录不属于本次会议。") : 0;
		if (!row.at[0])
			memcpy(row.at, old.at, sizeof row.at);
		minute_clear(&old);
	}
	if (rc == 0 && ops_meeting_state(st, mi->meeting_id, &ms, err, errlen) != 0)
		rc = -1;
	if (rc == 0 && ops_meeting_check(&ms, NULL, OPM_MINUTE_EDIT, err, errlen) != OPR_OK)
		rc = -1;
	if (rc == 0)
		rc = agenda_of(st, mi->meeting_id, mi->agenda_id, err, errlen);
	if (rc == 0)
		rc = meeting_time(&ms, MOM_SPEECH, row.at, row.at, err, errlen);
	if (rc == 0 && store_minute_update(st, &row) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}
