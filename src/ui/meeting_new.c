/* meeting_new.c: convening a meeting — its kind, title, date and time,
 * place, chair and clerk, and the agenda from the proposals waiting for
 * that kind of meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/util.h"
#include "ops/ops.h"

enum { M_KIND, M_TITLE, M_DATE, M_TIME, M_PLACE, M_CHAIR, M_POST, M_CLERK, M_AGENDA, M_FREE, M_N };

struct mform {
	const char *kind_names[8];
	int kinds[8];
	struct proposal waiting[64];
	int nwaiting;
	char *items[64];
	char last_title[256];        /* the title we filled in, to replace on kind change */
	char last_post[64];          /* the chair's post we filled in from the roster */
};

void ui_chair_post_follow(struct form *fm, int chair, int post, char last[64])
{
	const struct field *c = &fm->f[chair];
	char *cur = form_get_text(fm, post);

	if (c->npeople > 0 && c->people[0].id[0] && c->people[0].post[0] &&
	    (!cur[0] || strcmp(cur, last) == 0)) {
		form_set_text(fm, post, c->people[0].post);
		snprintf(last, 64, "%s", c->people[0].post);
	}
	free(cur);
}

static void mform_clear_waiting(struct mform *mf)
{
	for (int i = 0; i < mf->nwaiting; i++) {
		proposal_clear(&mf->waiting[i]);
		free(mf->items[i]);
	}
	mf->nwaiting = 0;
}

/* the agenda offers the proposals waiting for this kind of meeting */
static void mform_kind_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	struct mform *mf = arg;
	if (field == M_CHAIR)
		ui_chair_post_follow(fm, M_CHAIR, M_POST, mf->last_post);
	if (field != M_KIND)
		return;
	const struct meeting_kind_def *k = meeting_kind_get(mf->kinds[fm->f[M_KIND].choice]);
	mform_clear_waiting(mf);
	if (k->from_step) {
		int n = store_proposal_waiting(u->st, k->from_step, mf->waiting, 64);
		mf->nwaiting = n > 0 ? n : 0;
	} else {
		/* a round-table may discuss any proposal still being deliberated */
		for (int s = STEP_PROPOSE; s <= STEP_REVIEW && mf->nwaiting < 64; s++) {
			int n = store_proposal_waiting(u->st, s, mf->waiting + mf->nwaiting, 64 - mf->nwaiting);
			if (n > 0)
				mf->nwaiting += n;
		}
	}
	for (int i = 0; i < mf->nwaiting; i++)
		mf->items[i] = xasprintf("%s %s（%s）", mf->waiting[i].number, mf->waiting[i].title,
		                         step_name(mf->waiting[i].step));
	struct field *f = &fm->f[M_AGENDA];
	f->items = (const char *const *)mf->items;
	f->nitems = mf->nwaiting;
	memset(f->checked, 0, sizeof f->checked);
	f->hint = k->from_step
		? (mf->nwaiting ? "Enter 勾选本次会议的议题" : "没有等待这类会议的议题；可在下面填写其他议题")
		: "议事协商会可讨论任何在议的议题，也可只填其他议题";

	/* a default title, replaced while the clerk has not changed it */
	char *cur = form_get_text(fm, M_TITLE);
	if (!cur[0] || strcmp(cur, mf->last_title) == 0) {
		char *date = form_get_text(fm, M_DATE);
		if (ops_meeting_default_title(u->st, k->kind, date, mf->last_title,
		                              sizeof mf->last_title) != 0)
			snprintf(mf->last_title, sizeof mf->last_title, "%s", k->name);
		form_set_text(fm, M_TITLE, mf->last_title);
		free(date);
	}
	free(cur);
}

void ui_meeting_people(const struct field *chair, const struct field *clerk, struct meeting *m)
{
	m->chair_id[0] = m->chair_name[0] = m->clerk_id[0] = m->clerk_name[0] = '\0';
	if (chair->npeople) {
		ys_strlcpy(m->chair_id, chair->people[0].id, sizeof m->chair_id);
		ys_strlcpy(m->chair_name, chair->people[0].name, sizeof m->chair_name);
	}
	if (clerk->npeople) {
		ys_strlcpy(m->clerk_id, clerk->people[0].id, sizeof m->clerk_id);
		ys_strlcpy(m->clerk_name, clerk->people[0].name, sizeof m->clerk_name);
	}
}

static int mform_submit(struct ui *u, struct form *fm, void *arg)
{
	struct mform *mf = arg;
	struct meeting m;
	char err[512];
	memset(&m, 0, sizeof m);
	m.kind = mf->kinds[fm->f[M_KIND].choice];
	char *s[M_N] = { 0 };
	for (int i = 0; i < M_N; i++)
		if (fm->f[i].eb)
			s[i] = form_get_text(fm, i);
	int bad = ys_strlcpy(m.title, s[M_TITLE], sizeof m.title) | ys_strlcpy(m.date, s[M_DATE], sizeof m.date)
	        | ys_strlcpy(m.start_time, s[M_TIME], sizeof m.start_time)
	        | ys_strlcpy(m.place, s[M_PLACE], sizeof m.place)
	        | ys_strlcpy(m.chair_post, s[M_POST], sizeof m.chair_post);
	/* the name filled in for the kind is made again for the date the
	 * clerk typed (ops names a meeting whose title is empty) */
	if (strcmp(m.title, mf->last_title) == 0)
		m.title[0] = '\0';
	ui_meeting_people(&fm->f[M_CHAIR], &fm->f[M_CLERK], &m);
	/* agenda: the checked proposals, then one free item per line */
	const char *pids[64];
	int np = 0;
	for (int i = 0; i < mf->nwaiting; i++)
		if (fm->f[M_AGENDA].checked[i])
			pids[np++] = mf->waiting[i].id;
	const char *free_titles[32];
	int nf = 0;
	char *fr = s[M_FREE];
	for (char *line = strtok(fr, "\n"); line && nf < 32; line = strtok(NULL, "\n")) {
		ys_trim(line);
		if (line[0])
			free_titles[nf++] = line;
	}
	int rc = -1;
	if (bad)
		snprintf(fm->msg, sizeof fm->msg, "有一项内容过长，请缩短。");
	else if (np + nf == 0)
		snprintf(fm->msg, sizeof fm->msg, "会议至少要有一个议题：勾选议程，或在「其他议题」中填写。");
	else if (ops_meeting_new(u->st, &m, pids, np, free_titles, nf, err, sizeof err) != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else {
		snprintf(u->meeting_id, sizeof u->meeting_id, "%s", m.id);
		/* the place is offered again next time */
		ops_setting_set(u->st, "last_place", m.place, err, sizeof err);
		char late[768];
		if (ops_meeting_warnings(u->st, m.id, late, sizeof late) == 1)
			ui_message(u, UA_WARN, "已建立会议 %s。提醒：%s", m.number, late);
		else
			ui_message(u, UA_OK, "已建立会议 %s。请签到，然后按 s 宣布开会。", m.number);
		rc = 0;
	}
	for (int i = 0; i < M_N; i++)
		free(s[i]);
	meeting_clear(&m);
	return rc;
}

int ui_meeting_new(struct ui *u)
{
	struct mform mf;
	memset(&mf, 0, sizeof mf);
	int nk = 0;
	for (size_t i = 0; i < meeting_kind_count && nk < 8; i++, nk++) {
		mf.kind_names[nk] = meeting_kind_table[i].name;
		mf.kinds[nk] = meeting_kind_table[i].kind;
	}
	struct field f[M_N] = {
		[M_KIND] = { .label = "会议类型", .type = FT_CHOICE, .choices = mf.kind_names, .nchoices = nk,
		             .hint = "←→ 选择：两委联席会议商议、党员大会审议、居民会议决议……" },
		[M_TITLE] = { .label = "会议名称", .type = FT_TEXT, .required = 1, .maxchars = 60 },
		[M_DATE] = { .label = "日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "年-月-日，如 2026-11-22" },
		[M_TIME] = { .label = "开始时间", .type = FT_TIME, .required = 1, .maxchars = 5,
		             .hint = "时:分，如 14:30" },
		[M_PLACE] = { .label = "地点", .type = FT_TEXT, .required = 1, .maxchars = 40 },
		[M_CHAIR] = { .label = "主持人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		              .hint = "Enter 从花名册选择，或输入姓名" },
		[M_POST] = { .label = "主持人职务", .type = FT_TEXT, .maxchars = 20,
		             .hint = "选了主持人即按花名册填上；例如：社区党委书记" },
		[M_CLERK] = { .label = "记录人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		              .hint = "Enter 从花名册选择，或输入姓名" },
		[M_AGENDA] = { .label = "议程", .type = FT_LIST },
		[M_FREE] = { .label = "其他议题", .type = FT_MULTI, .rows = 2,
		             .hint = "不属于某个议题的事项，每行一项（可空）" },
	};
	struct form fm = { .title = "新会议", .f = f, .n = M_N, .submit = mform_submit,
	                   .changed = mform_kind_changed, .arg = &mf };
	form_init(&fm);
	struct tm now;
	char d[11], t[6], place[128];
	ys_now_tm(&now);
	ys_fmt_date(&now, d);
	ys_fmt_time(&now, t);
	form_set_text(&fm, M_DATE, d);
	form_set_text(&fm, M_TIME, t);
	if (store_setting_get(u->st, "last_place", place, sizeof place) == 0)
		form_set_text(&fm, M_PLACE, place);
	mform_kind_changed(u, &fm, M_KIND, &mf);
	int ok = form_run(u, &fm);
	form_free(&fm);
	mform_clear_waiting(&mf);
	return ok;
}
