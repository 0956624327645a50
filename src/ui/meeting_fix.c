/* meeting_fix.c: putting a meeting right before it is signed — its header
 * (名称, 日期, 时间, 地点, 主持, 记录), 延期, 取消 and 删除 — from the meeting
 * list.  Every change goes through ops, which checks it and writes it
 * into the change log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"
#include "ops/ops.h"

/* the meeting's state and whether opm may happen now: the refusal is on
 * the message line when not */
static int fix_allowed(struct ui *u, const char *mid, int opm, struct meeting_state *ms)
{
	char err[512];

	if (ops_meeting_state(u->st, mid, ms, err, sizeof err) != 0 ||
	    ops_meeting_check(ms, NULL, opm, err, sizeof err) != OPR_OK) {
		ui_error(u, "%s", err);
		return 0;
	}
	return 1;
}

/* ---- 修改 ---------------------------------------------------------------- */

enum { E_TITLE, E_DATE, E_TIME, E_PLACE, E_CHAIR, E_POST, E_CLERK, E_REASON, E_N };

struct edit_arg {
	const struct meeting *m;
	char last_post[64];      /* the post the form holds from the roster */
};

/* another chair from the roster brings their post */
static void edit_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	struct edit_arg *ea = arg;
	(void)u;
	if (field == E_CHAIR)
		ui_chair_post_follow(fm, E_CHAIR, E_POST, ea->last_post);
}

static int edit_submit(struct ui *u, struct form *fm, void *arg)
{
	struct meeting m = *((const struct edit_arg *)arg)->m;
	char *s[E_N] = { 0 }, err[512];
	int rc = -1, bad;

	m.pending = NULL;
	for (int i = 0; i < E_N; i++)
		if (fm->f[i].eb)
			s[i] = form_get_text(fm, i);
	bad = ys_strlcpy(m.title, s[E_TITLE], sizeof m.title) |
	      ys_strlcpy(m.date, s[E_DATE], sizeof m.date) |
	      ys_strlcpy(m.start_time, s[E_TIME], sizeof m.start_time) |
	      ys_strlcpy(m.place, s[E_PLACE], sizeof m.place) |
	      ys_strlcpy(m.chair_post, s[E_POST], sizeof m.chair_post);
	ui_meeting_people(&fm->f[E_CHAIR], &fm->f[E_CLERK], &m);
	if (bad)
		snprintf(fm->msg, sizeof fm->msg, "有一项内容过长，请缩短。");
	else if (ops_meeting_edit(u->st, &m, s[E_REASON], err, sizeof err) != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else {
		ui_message(u, UA_OK, "已修改会议 %s；改动记入修改记录。", m.number);
		rc = 0;
	}
	for (int i = 0; i < E_N; i++)
		free(s[i]);
	return rc;
}

/* a roster person (or a name typed freely) as a people field's choice */
static void set_person(struct field *f, const char *id, const char *name)
{
	memset(&f->people[0], 0, sizeof f->people[0]);
	ys_strlcpy(f->people[0].id, id, sizeof f->people[0].id);
	ys_strlcpy(f->people[0].name, name, sizeof f->people[0].name);
	f->npeople = name[0] ? 1 : 0;
}

void ui_meeting_edit(struct ui *u, const char *mid)
{
	struct meeting_state ms;
	char title[128];

	if (!fix_allowed(u, mid, OPM_EDIT, &ms))
		return;
	struct field f[E_N] = {
		[E_TITLE] = { .label = "会议名称", .type = FT_TEXT, .required = 1, .maxchars = 60 },
		[E_DATE] = { .label = "日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "年-月-日；开过的会改为纸面记录上的日期" },
		[E_TIME] = { .label = "开始时间", .type = FT_TIME, .required = 1, .maxchars = 5,
		             .hint = "原定的开始时间，时:分" },
		[E_PLACE] = { .label = "地点", .type = FT_TEXT, .required = 1, .maxchars = 40 },
		[E_CHAIR] = { .label = "主持人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		              .hint = "Enter 从花名册选择，或输入姓名" },
		[E_POST] = { .label = "主持人职务", .type = FT_TEXT, .maxchars = 20,
		             .hint = "另选主持人即按花名册换上其职务" },
		[E_CLERK] = { .label = "记录人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		              .hint = "Enter 从花名册选择，或输入姓名" },
		[E_REASON] = { .label = "修改理由", .type = FT_TEXT, .maxchars = 100,
		               .hint = "可空；写明后随改动记入修改记录" },
	};
	snprintf(title, sizeof title, "修改会议 %s", ms.m.number);
	struct edit_arg ea = { &ms.m, "" };
	snprintf(ea.last_post, sizeof ea.last_post, "%s", ms.m.chair_post);
	struct form fm = { .title = title, .f = f, .n = E_N, .submit = edit_submit,
	                   .changed = edit_changed, .arg = &ea };
	form_init(&fm);
	form_set_text(&fm, E_TITLE, ms.m.title);
	form_set_text(&fm, E_DATE, ms.m.date);
	form_set_text(&fm, E_TIME, ms.m.start_time);
	form_set_text(&fm, E_PLACE, ms.m.place);
	form_set_text(&fm, E_POST, ms.m.chair_post);
	set_person(&f[E_CHAIR], ms.m.chair_id, ms.m.chair_name);
	set_person(&f[E_CLERK], ms.m.clerk_id, ms.m.clerk_name);
	form_run(u, &fm);
	form_free(&fm);
}

/* ---- 延期 ---------------------------------------------------------------- */

enum { P_DATE, P_TIME, P_REASON, P_N };

static int postpone_submit(struct ui *u, struct form *fm, void *arg)
{
	const struct meeting *m = arg;
	char *d = form_get_text(fm, P_DATE), *t = form_get_text(fm, P_TIME);
	char *r = form_get_text(fm, P_REASON), err[512];
	int rc = ops_meeting_postpone(u->st, m->id, d, t, r, err, sizeof err);

	if (rc != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else
		ui_message(u, UA_OK, "会议 %s 延期至 %s %s；会议列表显示「已延期」。", m->number, d, t);
	free(d);
	free(t);
	free(r);
	return rc == 0 ? 0 : -1;
}

void ui_meeting_postpone(struct ui *u, const char *mid)
{
	struct meeting_state ms;
	char title[128];

	if (!fix_allowed(u, mid, OPM_POSTPONE, &ms))
		return;
	struct field f[P_N] = {
		[P_DATE] = { .label = "新的日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "延期到哪一天：年-月-日" },
		[P_TIME] = { .label = "开始时间", .type = FT_TIME, .required = 1, .maxchars = 5 },
		[P_REASON] = { .label = "延期理由", .type = FT_TEXT, .required = 1, .maxchars = 100,
		               .hint = "必填，记入修改记录" },
	};
	snprintf(title, sizeof title, "延期：%s（原定 %s %s）", ms.m.number, ms.m.date,
	         ms.m.start_time);
	struct form fm = { .title = title, .f = f, .n = P_N, .submit = postpone_submit,
	                   .arg = &ms.m };
	form_init(&fm);
	form_set_text(&fm, P_DATE, ms.m.date);
	form_set_text(&fm, P_TIME, ms.m.start_time);
	form_run(u, &fm);
	form_free(&fm);
}

/* ---- 取消 and 删除 --------------------------------------------------------- */

void ui_meeting_cancel(struct ui *u, const char *mid)
{
	struct meeting_state ms;
	char title[128], err[512], *reason = NULL;

	if (!fix_allowed(u, mid, OPM_CANCEL, &ms))
		return;
	snprintf(title, sizeof title, "取消会议 %s", ms.m.number);
	if (!ui_prompt_required(u, title, "取消的理由（必填；会议留在列表中，显示「已取消」）：",
	                        NULL, 100, &reason))
		return;
	if (ops_meeting_cancel(u->st, ms.m.id, reason, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "会议 %s 已取消；议程上的议题可以另行安排会议。", ms.m.number);
	free(reason);
}

void ui_meeting_delete(struct ui *u, const char *mid)
{
	struct meeting_state ms;
	char q[512], err[512];

	if (!fix_allowed(u, mid, OPM_DELETE, &ms))
		return;
	snprintf(q, sizeof q, "删除会议 %s「%s」？它从未召开，删除后签到表和议程一并删除（记入修改记录）。",
	         ms.m.number, ms.m.title);
	if (!ui_confirm(u, q))
		return;
	if (ops_meeting_delete(u->st, ms.m.id, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已删除会议 %s。", ms.m.number);
}
