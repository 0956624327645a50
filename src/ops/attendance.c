/* attendance.c: signing in (签到、请假、缺席), 列席, and the lines of the
 * minutes (发言记录). */
#include <stdio.h>
#include <stdlib.h>
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
	/* 请假 may be written down before the day; so may undoing it, and
	 * before the day there is nothing else to undo */
	if (meeting_begin(st, mid, status == ATT_LEAVE || status == ATT_NONE ? OPM_LEAVE : OPM_SIGN,
	                  &ms, err, errlen) != 0)
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
	if (text_chars(mi->text) > MINUTE_MAX_CHARS)
		return ys_err(err, errlen, "一条记录最多 %d 个字，这一条有 %zu 个字：请分成几条。",
		              MINUTE_MAX_CHARS, text_chars(mi->text));
	if (meeting_begin(st, mi->meeting_id, OPM_MINUTE, &ms, err, errlen) != 0)
		return -1;
	rc = agenda_of(st, ms.m.id, mi->agenda_id, err, errlen);
	if (rc == 0)
		rc = meeting_time(&ms, MOM_SPEECH, mi->at, mi->at, err, errlen);
	if (rc == 0 && store_minute_add(st, mi) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

/* a line of the meeting's minutes as the meeting owns it: 0, or -1 with
 * the refusal (not found, another meeting's) */
static int load_minute(struct store *st, const char *mid, const char *id, struct minute *m,
                       char *err, size_t errlen)
{
	int rc = store_minute_get(st, id ? id : "", m);

	if (rc == 1)
		return ys_err(err, errlen, "会议记录不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (strcmp(m->meeting_id, mid ? mid : "") != 0) {
		minute_clear(m);
		return ys_err(err, errlen, "该条记录不属于本次会议。");
	}
	return 0;
}

/* "09:40 林志强：text" of a line, for the change log */
static char *minute_line(const struct minute *m)
{
	return xasprintf("%s %s：%s", m->at, m->speaker, m->text ? m->text : "");
}

/* a correction of the minutes into the meeting's change log */
static int log_minute(struct store *st, const char *mid, const char *what, int seq,
                      const struct minute *was, const struct minute *now, const char *reason,
                      char *err, size_t errlen)
{
	char field[64], *a = was ? minute_line(was) : NULL, *b = now ? minute_line(now) : NULL;
	int rc;

	snprintf(field, sizeof field, "%s第 %d 条发言", what, seq);
	rc = store_log(st, "meeting", mid, field, a, b, reason) != 0 ? store_fail(st, err, errlen) : 0;
	free(a);
	free(b);
	return rc;
}

int ops_minute_update(struct store *st, const struct minute *mi, char *err, size_t errlen)
{
	return ops_minute_fix(st, mi, NULL, err, errlen);
}

int ops_minute_fix(struct store *st, const struct minute *mi, const char *reason,
                   char *err, size_t errlen)
{
	struct meeting_state ms;
	struct minute old, row;
	int rc;

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	if (text_chars(mi->text) > MINUTE_MAX_CHARS)
		return ys_err(err, errlen, "一条记录最多 %d 个字，这一条有 %zu 个字：请分成几条。",
		              MINUTE_MAX_CHARS, text_chars(mi->text));
	row = *mi;
	if (meeting_begin(st, mi->meeting_id, OPM_MINUTE_EDIT, &ms, err, errlen) != 0)
		return -1;
	/* the meeting the line really belongs to, whatever the caller says */
	rc = load_minute(st, ms.m.id, mi->id, &old, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	if (!row.at[0])
		memcpy(row.at, old.at, sizeof row.at);
	row.seq = old.seq;
	rc = agenda_of(st, ms.m.id, row.agenda_id, err, errlen);
	if (rc == 0)
		rc = meeting_time(&ms, MOM_SPEECH, row.at, row.at, err, errlen);
	if (rc == 0 && strcmp(old.at, row.at) == 0 && strcmp(old.speaker, row.speaker) == 0 &&
	    strcmp(old.text ? old.text : "", row.text) == 0 &&
	    strcmp(old.agenda_id, row.agenda_id) == 0)
		rc = ys_err(err, errlen, "没有改动。");
	if (rc == 0)
		rc = log_minute(st, ms.m.id, "修改", old.seq, &old, &row, reason, err, errlen);
	if (rc == 0 && store_minute_update(st, &row) != 0)
		rc = store_fail(st, err, errlen);
	minute_clear(&old);
	return op_end(st, rc, err, errlen);
}

int ops_minute_delete(struct store *st, const char *mid, const char *minute_id,
                      const char *reason, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct minute old;
	int rc;

	if (meeting_begin(st, mid, OPM_MINUTE_EDIT, &ms, err, errlen) != 0)
		return -1;
	rc = load_minute(st, ms.m.id, minute_id, &old, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	rc = log_minute(st, ms.m.id, "删除", old.seq, &old, NULL, reason, err, errlen);
	if (rc == 0 && store_minute_delete(st, &old) != 0)
		rc = store_fail(st, err, errlen);
	minute_clear(&old);
	return op_end(st, rc, err, errlen);
}

int ops_minute_insert(struct store *st, struct minute *mi, int before, const char *reason,
                      char *err, size_t errlen)
{
	struct meeting_state ms;
	int rc;

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	if (text_chars(mi->text) > MINUTE_MAX_CHARS)
		return ys_err(err, errlen, "一条记录最多 %d 个字，这一条有 %zu 个字：请分成几条。",
		              MINUTE_MAX_CHARS, text_chars(mi->text));
	if (meeting_begin(st, mi->meeting_id, OPM_MINUTE_EDIT, &ms, err, errlen) != 0)
		return -1;
	rc = agenda_of(st, ms.m.id, mi->agenda_id, err, errlen);
	if (rc == 0)
		rc = meeting_time(&ms, MOM_SPEECH, mi->at, mi->at, err, errlen);
	if (rc == 0 && store_minute_insert(st, mi, before) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0)
		rc = log_minute(st, ms.m.id, "插入", mi->seq, NULL, mi, reason, err, errlen);
	return op_end(st, rc, err, errlen);
}
