/* meetings.c: convening a meeting, 宣布开会, 散会 and its 遗留问题. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "ops_int.h"
#include "store/record.h"

/* fill a chair/clerk name from the roster when only the id was given */
static int person_name(struct store *st, const char *id, char *name, size_t len,
                       const char *role, char *err, size_t errlen)
{
	struct person pr;
	int rc;

	if (!id[0])
		return 0;
	rc = store_person_get(st, id, &pr);
	if (rc == 1)
		return ys_err(err, errlen, "%s不在花名册中。", role);
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (!name[0] && ys_strlcpy(name, pr.name, len) != 0)
		return ys_err(err, errlen, "%s姓名过长。", role);
	return 0;
}

/* a proposal waits for one meeting at a time: not on the agenda of another
 * planned or open meeting that takes a step (one cancelled lets it go) */
static int not_booked(struct store *st, const char *pid, const char *except,
                      char *why, size_t len)
{
	char number[16];
	int rc = store_proposal_booked(st, pid, except, number);

	if (rc < 0)
		return store_fail(st, why, len);
	if (rc == 0)
		return ys_err(why, len, "已列入会议 %s 的议程；该会议延期、取消或开过后再另行安排。",
		              number);
	return 0;
}

/* each proposal must be waiting for exactly this kind of meeting: steps
 * are never skipped, nor dated before the step they follow */
static int agenda_check(struct store *st, int kind, const char *date,
                        const char *const *pids, int n, char *err, size_t errlen)
{
	char why[256];

	for (int i = 0; i < n; i++) {
		struct proposal p;
		int rc;
		for (int j = 0; j < i; j++)
			if (strcmp(pids[i], pids[j]) == 0)
				return ys_err(err, errlen, "同一议题不能重复列入议程。");
		if (load_proposal(st, pids[i], &p, err, errlen) != 0)
			return -1;
		rc = proc_agenda_ok(kind, p.step, p.status, why, sizeof why);
		if (rc == 0)
			rc = step_date_ok(st, &p, kind, date, why, sizeof why);
		if (rc == 0 && meeting_kind_get(kind)->performs_step)
			rc = not_booked(st, p.id, NULL, why, sizeof why);
		if (rc != 0)
			ys_err(err, errlen, "议题 %s %s", p.number, why);
		proposal_clear(&p);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int ops_meeting_new(struct store *st, struct meeting *m,
                    const char *const *pids, int n,
                    const char *const *free_titles, int nfree,
                    char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	struct rule_set r;
	int hh, mm, rc;

	if (!k)
		return ys_err(err, errlen, "请选择会议类型。");
	if (ys_parse_date(m->date, NULL) != 0)
		return ys_err(err, errlen, "会议日期“%s”无效，格式应为 2026-11-22。", m->date);
	if (ys_parse_time(m->start_time, &hh, &mm) != 0)
		return ys_err(err, errlen, "开始时间“%s”无效，格式应为 14:30。", m->start_time);
	ys_trim(m->title);
	ys_trim(m->place);
	ys_trim(m->chair_name);
	ys_trim(m->clerk_name);
	ys_trim(m->chair_post);
	if (n < 0 || nfree < 0 || (n > 0 && !pids) || (nfree > 0 && !free_titles))
		return ys_err(err, errlen, "议程无效。");
	for (int i = 0; i < nfree; i++)
		if (!ys_has_text(free_titles[i]))
			return ys_err(err, errlen, "第 %d 个临时议程没有标题。", i + 1);

	if (op_begin(st, err, errlen) != 0)
		return -1;
	/* 2026年第3次党员大会: what the minutes and lists call it */
	if (!m->title[0] &&
	    ops_meeting_default_title(st, m->kind, m->date, m->title, sizeof m->title) != 0)
		return op_end(st, store_fail(st, err, errlen), err, errlen);
	rc = person_name(st, m->chair_id, m->chair_name, sizeof m->chair_name, "主持人", err, errlen);
	if (rc == 0)
		rc = person_name(st, m->clerk_id, m->clerk_name, sizeof m->clerk_name, "记录人",
		                 err, errlen);
	if (rc == 0 && !m->place[0])
		rc = ys_err(err, errlen, "请填写会议地点。");
	if (rc == 0 && !m->chair_name[0])
		rc = ys_err(err, errlen, "请填写主持人。");
	if (rc == 0 && !m->clerk_name[0])
		rc = ys_err(err, errlen, "请填写记录人。");
	if (rc == 0) {
		/* the rule set: the kind's default unless the clerk chose one */
		rc = m->rule_id[0] ? store_rule_get(st, m->rule_id, &r)
		                   : store_rule_get_code(st, k->rule_code, &r);
		if (rc == 1)
			rc = ys_err(err, errlen, "找不到表决规则（%s）。",
			            m->rule_id[0] ? m->rule_id : k->rule_code);
		else if (rc != 0)
			rc = store_fail(st, err, errlen);
		else
			snprintf(m->rule_id, sizeof m->rule_id, "%s", r.id);
	}
	if (rc == 0)
		rc = agenda_check(st, m->kind, m->date, pids, n, err, errlen);
	if (rc == 0) {
		m->status = MS_PLANNED;
		m->end_time[0] = '\0';
		if (store_meeting_create(st, m, pids, n, free_titles, nfree) != 0)
			rc = store_fail(st, err, errlen);
	}
	return op_end(st, rc, err, errlen);
}

/* ---- corrections ------------------------------------------------------- */

/* the meeting on a new date keeps each agenda proposal's steps in order:
 * the events before this meeting's not after it, those after not before */
static int dates_keep_order(struct store *st, const struct meeting *m, const char *date,
                            char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	int own = k ? k->performs_step : STEP_NONE;
	struct agenda_item *a = NULL;
	int n = store_agenda_all(st, m->id, &a), rc = n < 0 ? store_fail(st, err, errlen) : 0;

	for (int i = 0; i < n; i++) {
		struct pevent *ev = NULL;
		int ne = rc == 0 && a[i].proposal_id[0]
		       ? store_proposal_events_all(st, a[i].proposal_id, &ev) : 0, mine = -1;
		char why[256];

		if (ne < 0)
			rc = store_fail(st, err, errlen);
		for (int j = 0; j < ne && mine < 0; j++)
			if (strcmp(ev[j].meeting_id, m->id) == 0)
				mine = j;
		for (int j = 0; j < ne && rc == 0; j++) {
			char d[11];
			if (strcmp(ev[j].meeting_id, m->id) == 0)
				continue;
			snprintf(d, sizeof d, "%.10s", ev[j].meeting_id[0] ? ev[j].meeting_date : ev[j].at);
			if ((mine < 0 || j < mine)
			    ? step_order_check(own, date, ev[j].to_step, d, why, sizeof why)
			    : step_order_check(ev[j].to_step, d, own, date, why, sizeof why))
				rc = ys_err(err, errlen, "议题 %s %s", a[i].proposal_number, why);
		}
		for (int j = 0; j < ne; j++)
			pevent_clear(&ev[j]);
		free(ev);
		agenda_clear(&a[i]);
	}
	free(a);
	return rc;
}

static int log_meeting(struct store *st, const char *mid, const char *label, const char *was,
                       const char *now, const char *reason, int *changed, char *err, size_t errlen)
{
	if (strcmp(was ? was : "", now ? now : "") == 0)
		return 0;
	if (changed)
		(*changed)++;
	return store_log(st, "meeting", mid, label, was, now, reason) != 0
		? store_fail(st, err, errlen) : 0;
}

int ops_meeting_edit(struct store *st, struct meeting *m, const char *reason,
                     char *err, size_t errlen)
{
	struct meeting_state ms;
	const struct meeting *o;
	char chair[160], chair_was[160];
	int hh, mm, rc = 0, changed = 0;

	ys_trim(m->title);
	ys_trim(m->place);
	ys_trim(m->chair_name);
	ys_trim(m->chair_post);
	ys_trim(m->clerk_name);
	if (ys_parse_date(m->date, NULL) != 0)
		return ys_err(err, errlen, "会议日期“%s”无效，格式应为 2026-11-22。", m->date);
	if (ys_parse_time(m->start_time, &hh, &mm) != 0)
		return ys_err(err, errlen, "开始时间“%s”无效，格式应为 14:30。", m->start_time);
	snprintf(m->start_time, sizeof m->start_time, "%02d:%02d", hh, mm);
	if (meeting_begin(st, m->id, OPM_EDIT, &ms, err, errlen) != 0)
		return -1;
	o = &ms.m;
	m->kind = o->kind;
	rc = person_name(st, m->chair_id, m->chair_name, sizeof m->chair_name, "主持人", err, errlen);
	if (rc == 0)
		rc = person_name(st, m->clerk_id, m->clerk_name, sizeof m->clerk_name, "记录人",
		                 err, errlen);
	if (rc == 0 && !m->place[0])
		rc = ys_err(err, errlen, "请填写会议地点。");
	if (rc == 0 && (!m->chair_name[0] || !m->clerk_name[0]))
		rc = ys_err(err, errlen, "请填写%s。", !m->chair_name[0] ? "主持人" : "记录人");
	/* held already: it happened on a day that has come */
	if (rc == 0 && o->status != MS_PLANNED)
		rc = date_past_check("会议日期", m->date, ms.today, err, errlen);
	if (rc == 0 && strcmp(m->date, o->date) != 0)
		rc = dates_keep_order(st, o, m->date, err, errlen);
	if (rc == 0 && !m->title[0])
		rc = ops_meeting_default_title(st, o->kind, m->date, m->title, sizeof m->title) != 0
		   ? store_fail(st, err, errlen) : 0;
	snprintf(chair, sizeof chair, "%s%s%s%s", m->chair_name, m->chair_post[0] ? "（" : "",
	         m->chair_post, m->chair_post[0] ? "）" : "");
	snprintf(chair_was, sizeof chair_was, "%s%s%s%s", o->chair_name, o->chair_post[0] ? "（" : "",
	         o->chair_post, o->chair_post[0] ? "）" : "");
	if (rc == 0)
		rc = log_meeting(st, o->id, "会议名称", o->title, m->title, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_meeting(st, o->id, "日期", o->date, m->date, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_meeting(st, o->id, "开始时间", o->start_time, m->start_time, reason, &changed,
		                 err, errlen);
	if (rc == 0)
		rc = log_meeting(st, o->id, "地点", o->place, m->place, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_meeting(st, o->id, "主持人", chair_was, chair, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_meeting(st, o->id, "记录人", o->clerk_name, m->clerk_name, reason, &changed,
		                 err, errlen);
	if (rc == 0 && !changed)
		rc = ys_err(err, errlen, "没有改动。");
	if (rc == 0 && store_meeting_update(st, m) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_postpone(struct store *st, const char *mid, const char *date,
                         const char *start_time, const char *reason, char *err, size_t errlen)
{
	struct meeting_state ms;
	char was[32], now[32], t[6];
	int hh, mm, rc = 0;

	if (!date || ys_parse_date(date, NULL) != 0)
		return ys_err(err, errlen, "新的日期“%s”无效，格式应为 2026-11-22。", date ? date : "");
	if (!ys_has_text(reason))
		return ys_err(err, errlen, "延期须写明理由。");
	if (meeting_begin(st, mid, OPM_POSTPONE, &ms, err, errlen) != 0)
		return -1;
	if (!opt(start_time))
		start_time = ms.m.start_time;
	if (ys_parse_time(start_time, &hh, &mm) != 0)
		rc = ys_err(err, errlen, "开始时间“%s”无效，格式应为 14:30。", start_time);
	snprintf(t, sizeof t, "%02d:%02d", hh, mm);
	if (rc == 0 && strcmp(date, ms.m.date) == 0 && strcmp(t, ms.m.start_time) == 0)
		rc = ys_err(err, errlen, "新的日期和时间与原定相同。");
	if (rc == 0)
		rc = dates_keep_order(st, &ms.m, date, err, errlen);
	snprintf(was, sizeof was, "%s %s", ms.m.date, ms.m.start_time);
	snprintf(now, sizeof now, "%s %s", date, t);
	if (rc == 0)
		rc = log_meeting(st, ms.m.id, "延期", was, now, reason, NULL, err, errlen);
	if (rc == 0 && store_meeting_set_plan(st, ms.m.id, MS_PLANNED, date, t,
	                                      ms.m.postponed_from[0] ? ms.m.postponed_from
	                                                             : ms.m.date, reason) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_cancel(struct store *st, const char *mid, const char *reason,
                       char *err, size_t errlen)
{
	struct meeting_state ms;
	int rc = 0;

	if (!ys_has_text(reason))
		return ys_err(err, errlen, "取消会议须写明理由。");
	if (meeting_begin(st, mid, OPM_CANCEL, &ms, err, errlen) != 0)
		return -1;
	if (log_meeting(st, ms.m.id, "取消", meeting_status_name(ms.m.status, 0,
	                ms.m.postponed_from[0]), "已取消", reason, NULL, err, errlen) != 0)
		rc = -1;
	else if (store_meeting_set_plan(st, ms.m.id, MS_CANCELLED, ms.m.date, ms.m.start_time,
	                                ms.m.postponed_from, reason) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_delete(struct store *st, const char *mid, char *err, size_t errlen)
{
	struct meeting_state ms;
	char was[400];
	int rc = 0;

	if (meeting_begin(st, mid, OPM_DELETE, &ms, err, errlen) != 0)
		return -1;
	snprintf(was, sizeof was, "%s %s %s %s", ms.m.number, ms.m.date, ms.m.start_time, ms.m.title);
	/* its attachments are not thrown away with it unasked */
	struct attachment *att = NULL;
	int natt = store_attachment_list(st, AO_MEETING, ms.m.id, &att);
	free(att);
	if (natt < 0)
		rc = store_fail(st, err, errlen);
	else if (natt > 0)
		rc = ys_err(err, errlen, "会议 %s 有 %d 个附件：先在附件里删除它们（须写明理由），再删除会议。",
		            ms.m.number, natt);
	else if (log_meeting(st, ms.m.id, "删除", was, NULL, NULL, NULL, err, errlen) != 0)
		rc = -1;
	else if (store_meeting_delete(st, ms.m.id) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_default_title(struct store *st, int kind, const char *date,
                              char *out, size_t len)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	int n;

	if (!k || ys_parse_date(date ? date : "", NULL) != 0)
		return -1;
	n = store_meeting_count_year(st, kind, date);
	if (n < 0)
		return -1;
	snprintf(out, len, "%.4s年第%d次%s", date, n + 1, k->name);
	return 0;
}

int ops_meeting_open(struct store *st, const char *mid, const char *at,
                     char *err, size_t errlen)
{
	struct meeting_state ms;
	char start[6];
	int rc = 0, live;

	if (meeting_begin(st, mid, OPM_OPEN, &ms, err, errlen) != 0)
		return -1;
	/* held now: opened with the clock; a meeting entered afterwards
	 * starts, unless told otherwise, when it was planned to */
	live = !opt(at) && ops_meeting_live(&ms);
	if (!opt(at) && !live)
		at = ms.m.start_time;
	if (meeting_time(&ms, MOM_START, at, start, err, errlen) != 0)
		rc = -1;
	else if (store_meeting_open(st, ms.m.id, start, live) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_close(struct store *st, const char *mid, int force, const char *at,
                      char *err, size_t errlen)
{
	struct meeting_state ms;
	struct agenda_item *a = NULL;
	int n, open = 0, rc = 0;
	char end[6], first[300] = "";

	if (meeting_begin(st, mid, OPM_CLOSE, &ms, err, errlen) != 0)
		return -1;
	n = store_agenda_all(st, ms.m.id, &a);
	if (n < 0)
		rc = store_fail(st, err, errlen);
	for (int i = 0; i < n; i++)
		if (a[i].outcome == OC_OPEN && !open++)
			snprintf(first, sizeof first, "%s", a[i].proposal_number[0]
			         ? a[i].proposal_number : a[i].title);
	if (rc == 0 && open && !force)
		rc = ys_err(err, errlen, "还有 %d 项议程未作结论（%s%s），请先处理，"
		            "或确认散会后留作未决。", open, first, open > 1 ? " 等" : "");
	if (rc == 0 && meeting_time(&ms, MOM_END, at, end, err, errlen) != 0)
		rc = -1;
	/* an item left open says why in the minutes, in the program's words:
	 * no quorum (the rule's sentence), or not voted, or not concluded */
	for (int i = 0; rc == 0 && i < n; i++) {
		struct vote v;
		struct minute mi;
		int voted;
		if (a[i].outcome != OC_OPEN)
			continue;
		voted = store_vote_latest(st, a[i].id, &v);
		if (voted < 0) {
			rc = store_fail(st, err, errlen);
			break;
		}
		memset(&mi, 0, sizeof mi);
		snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", ms.m.id);
		snprintf(mi.speaker_id, sizeof mi.speaker_id, "%s", ms.m.clerk_id);
		snprintf(mi.speaker, sizeof mi.speaker, "%s", ms.m.clerk_name);
		snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", a[i].id);
		memcpy(mi.at, end, sizeof mi.at);
		const char *subject = a[i].proposal_number[0] ? a[i].proposal_number : a[i].title;
		if (voted == 0)
			mi.text = xasprintf("议题 %s 已表决，未作结论，留作未决。", subject);
		else if (!ms.q.ok)
			mi.text = xasprintf("议题 %s 未表决：%s", subject, ms.q.sentence);
		else
			mi.text = xasprintf("议题 %s 未表决，留作未决。", subject);
		if (store_minute_add(st, &mi) != 0)
			rc = store_fail(st, err, errlen);
		free(mi.text);
	}
	for (int i = 0; i < n; i++)
		agenda_clear(&a[i]);
	free(a);
	if (rc == 0 && store_meeting_set_status(st, ms.m.id, MS_CLOSED, end) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_meeting_set_pending(struct store *st, const char *mid, const char *text,
                            char *err, size_t errlen)
{
	struct meeting_state ms;
	int rc = 0;

	if (meeting_begin(st, mid, OPM_PENDING, &ms, err, errlen) != 0)
		return -1;
	if (store_meeting_set_pending(st, ms.m.id, ys_has_text(text) ? text : NULL) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

/* Materials must reach the Party members some days before 审议 (the
 * setting "material_days", default 3): a warning, never a refusal.  The
 * days are counted from the 两委联席会议 that forwarded each proposal.
 * Then whether the meeting is set sooner than its kind is to be noticed
 * (ops_notice_ahead_warn); both when both hold. */
int ops_meeting_warnings(struct store *st, const char *mid, char *warn, size_t len)
{
	struct meeting m;
	struct agenda_item *a = NULL;
	int n, days, found = 0;

	if (warn && len)
		warn[0] = '\0';
	if (store_meeting_get(st, mid ? mid : "", &m) != 0)
		return -1;
	days = ops_setting_int(st, "material_days");
	n = m.kind == MK_PARTY ? store_agenda_all(st, m.id, &a) : 0;
	for (int i = 0; i < n; i++) {
		struct pevent *ev = NULL;
		int ne = found || !a[i].proposal_id[0] ? 0
		       : store_proposal_events_all(st, a[i].proposal_id, &ev);
		int late = 0;
		for (int j = 0; j < ne; j++) {
			if (ev[j].to_step == STEP_CONSULT && ev[j].action == ACT_FORWARD) {
				char d[11];
				snprintf(d, sizeof d, "%.10s", ev[j].meeting_date[0] ? ev[j].meeting_date
				                                                     : ev[j].at);
				late = ys_days_between(d, m.date) < days;
			}
			pevent_clear(&ev[j]);
		}
		free(ev);
		if (late && !found) {
			found = 1;
			snprintf(warn, len, "议题 %s 商议后距审议不足 %d 天，材料应提前 %d 天送达党员。",
			         a[i].proposal_number, days, days);
		}
		agenda_clear(&a[i]);
	}
	free(a);
	/* set sooner than its kind is to be noticed: after the materials'
	 * warning, which names the matter */
	if (n >= 0 && m.status == MS_PLANNED && warn && len > 0) {
		char ahead[512];
		size_t used = found ? strlen(warn) : 0;

		if (ops_notice_ahead_warn(st, m.kind, m.date, "", ahead, sizeof ahead) == 1) {
			snprintf(warn + used, len - used, "%s%s", found ? "另：" : "", ahead);
			found = 1;
		}
	}
	meeting_clear(&m);
	return n < 0 ? -1 : found;
}
