/* ui_meeting.c: the list of meetings, the form that convenes one, and the
 * live meeting: sign-in with the quorum meter, minutes, votes, and closing
 * each agenda item. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/edbuf.h"
#include "ops/ops.h"
#include "base/text.h"
#include "base/util.h"

void ui_draw_multi_field(struct edbuf *e, int y, int x, int rows, int cols,
                         int attr, int *crow, int *ccol);

static const char *const meeting_status_names[] = { "未开始", "进行中", "已散会" };

/* ======================================================================
 * the list of meetings, newest first, paged by keyset
 * ==================================================================== */
#define ML_ROWS 64
#define ML_STACK 256
static struct {
	struct meeting rows[ML_ROWS];
	struct attendance_counts counts[ML_ROWS];   /* read with the page, not per frame */
	int sealed[ML_ROWS];
	int n, cur, vis;
	/* page starts (date, number of the last row of the previous page) */
	char sdate[ML_STACK][11], snum[ML_STACK][16];
	int depth;
} ML;

static void ml_clear_rows(void)
{
	for (int i = 0; i < ML.n; i++)
		meeting_clear(&ML.rows[i]);
	ML.n = 0;
}

static void ml_load(struct ui *u)
{
	int vis = ML.vis > 0 && ML.vis <= ML_ROWS ? ML.vis : ML_ROWS;
	ml_clear_rows();
	ML.n = store_meeting_page(u->st, ML.depth ? ML.sdate[ML.depth - 1] : "",
	                          ML.depth ? ML.snum[ML.depth - 1] : "", ML.rows, vis);
	if (ML.n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		ML.n = 0;
	}
	for (int i = 0; i < ML.n; i++) {
		struct seal sl;
		memset(&ML.counts[i], 0, sizeof ML.counts[i]);
		store_attendance_counts(u->st, ML.rows[i].id, &ML.counts[i]);
		ML.sealed[i] = store_seal_get(u->st, ML.rows[i].id, &sl) == 0;
	}
	if (ML.cur >= ML.n)
		ML.cur = ML.n ? ML.n - 1 : 0;
}

static void ml_enter(struct ui *u)
{
	ml_load(u);
}

static void ml_draw(struct ui *u, int top, int bottom)
{
	int vis = bottom - top - 3;
	if (vis > ML_ROWS)
		vis = ML_ROWS;
	if (vis != ML.vis) {
		ML.vis = vis;
		ml_load(u);
	}
	/* 编号 日期 类型 名称 状态 实到/应到; the name takes the spare width */
	int tw = u->cols - 1 - (10 + 1) - (10 + 1) - (12 + 1) - (6 + 1) - 9 - 1;
	const int widths[] = { 10, 10, 12, tw, 6, -9 };
	const char *head[] = { "编号", "日期", "类型", "会议名称", "状态", "实到/应到" };
	ui_row(top, 1, u->cols - 1, UA_HEAD, head, widths, 6);
	for (int i = 0; i < ML.n && i < ML.vis; i++) {
		struct meeting *m = &ML.rows[i];
		const struct meeting_kind_def *k = meeting_kind_get(m->kind);
		char cnt[32];
		snprintf(cnt, sizeof cnt, "%d/%d", ML.counts[i].present, ML.counts[i].entitled);
		const char *cells[] = { m->number, m->date, k ? k->name : "?", m->title,
		                        ML.sealed[i] ? "已签字" : meeting_status_names[m->status % 3], cnt };
		int attr = i == ML.cur ? UA_SEL : UA_NORMAL;
		ui_put(top + 1 + i, 0, 1, i == ML.cur ? "▸" : " ", 0, attr);
		ui_row(top + 1 + i, 1, u->cols - 1, attr, cells, widths, 6);
	}
	if (ML.n == 0)
		ui_put(top + 1, 1, u->cols - 2, ML.depth ? "没有更早的会议。" : "还没有会议。按 n 新建会议。",
		       0, UA_DIM);
	ui_put(bottom - 1, 1, u->cols - 2,
	       "会议依次处理：两委联席会议（商议）→ 党员大会（审议）→ 居民会议或居民代表会议（决议）。",
	       TEXT_ELLIPSIS, UA_DIM);
}

int ui_meeting_new(struct ui *u);

static void ml_action(struct ui *u, int a)
{
	switch (a) {
	case K_UP:
		if (ML.cur > 0)
			ML.cur--;
		else if (ML.depth > 0) {
			ML.depth--;
			ml_load(u);
			ML.cur = ML.n ? ML.n - 1 : 0;
		}
		break;
	case K_DOWN:
	case K_PGDN:
		if (a == K_DOWN && ML.cur < ML.n - 1) {
			ML.cur++;
		} else if (ML.n == ML.vis && ML.n > 0 && ML.depth < ML_STACK) {
			struct meeting next[1];
			struct meeting *last = &ML.rows[ML.n - 1];
			if (store_meeting_page(u->st, last->date, last->number, next, 1) == 1) {
				meeting_clear(&next[0]);
				ys_strlcpy(ML.sdate[ML.depth], last->date, sizeof ML.sdate[0]);
				ys_strlcpy(ML.snum[ML.depth], last->number, sizeof ML.snum[0]);
				ML.depth++;
				ml_load(u);
				ML.cur = 0;
			}
		} else if (a == K_PGDN) {
			ML.cur = ML.n ? ML.n - 1 : 0;
		}
		break;
	case K_PGUP:
		if (ML.depth > 0) {
			ML.depth--;
			ml_load(u);
		}
		ML.cur = 0;
		break;
	case K_HOME:
		ML.depth = 0;
		ML.cur = 0;
		ml_load(u);
		break;
	case K_OPEN:
		if (ML.n > 0) {
			snprintf(u->meeting_id, sizeof u->meeting_id, "%s", ML.rows[ML.cur].id);
			ui_goto(u, SCR_LIVE);
		}
		break;
	case K_NEW:
		if (ui_meeting_new(u))
			ui_goto(u, SCR_LIVE);
		else
			ml_load(u);
		break;
	case K_PREVIEW:
		if (ML.n > 0)
			ui_preview_minutes(u, ML.rows[ML.cur].id);
		break;
	}
}

const struct screen_def screen_meetings = {
	.id = SCR_MEETINGS, .title = "会议", .enter = ml_enter, .draw = ml_draw, .action = ml_action,
};

/* ======================================================================
 * convening a meeting
 * ==================================================================== */
enum { M_KIND, M_TITLE, M_DATE, M_TIME, M_PLACE, M_CHAIR, M_POST, M_CLERK, M_AGENDA, M_FREE, M_N };

struct mform {
	const char *kind_names[8];
	int kinds[8];
	struct proposal waiting[64];
	int nwaiting;
	char *items[64];
	char last_title[256];        /* the title we filled in, to replace on kind change */
};

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
		char cn[32];
		if (ys_cn_date(date, cn) != 0)
			cn[0] = '\0';
		snprintf(mf->last_title, sizeof mf->last_title, "%s%s", cn, k->name);
		form_set_text(fm, M_TITLE, mf->last_title);
		free(date);
	}
	free(cur);
}

/* Materials must reach the Party members some days before 审议 (DESIGN §2:
 * default 3, setting "material_days"): warn, never block.  Counts from the
 * day the proposal was forwarded to 审议's agenda by the 两委. */
static int materials_late(struct ui *u, const struct meeting *m, const char *const *pids, int n,
                          char *out, size_t len)
{
	char val[16];
	int days = 3;
	if (store_setting_get(u->st, "material_days", val, sizeof val) == 0 && atoi(val) > 0)
		days = atoi(val);
	for (int i = 0; i < n; i++) {
		struct pevent ev[32];
		int total = 0, late = 0;
		char number[16] = "";
		int ne = store_proposal_events(u->st, pids[i], ev, 32, &total);
		for (int j = 0; j < ne; j++) {
			if (ev[j].to_step == STEP_CONSULT && ev[j].action == ACT_FORWARD) {
				char d[11];
				snprintf(d, sizeof d, "%.10s", ev[j].meeting_date[0] ? ev[j].meeting_date : ev[j].at);
				late = ys_days_between(d, m->date) < days;
			}
			pevent_clear(&ev[j]);
		}
		struct proposal p;
		memset(&p, 0, sizeof p);
		if (late && store_proposal_get(u->st, pids[i], &p) == 0) {
			snprintf(number, sizeof number, "%s", p.number);
			proposal_clear(&p);
			snprintf(out, len, "议题 %s 商议后距审议不足 %d 天，材料应提前 %d 天送达党员。", number, days, days);
			return 1;
		}
	}
	return 0;
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
	const struct field *ch = &fm->f[M_CHAIR], *cl = &fm->f[M_CLERK];
	if (ch->npeople) {
		ys_strlcpy(m.chair_id, ch->people[0].id, sizeof m.chair_id);
		ys_strlcpy(m.chair_name, ch->people[0].name, sizeof m.chair_name);
	}
	if (cl->npeople) {
		ys_strlcpy(m.clerk_id, cl->people[0].id, sizeof m.clerk_id);
		ys_strlcpy(m.clerk_name, cl->people[0].name, sizeof m.clerk_name);
	}
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
		store_setting_set(u->st, "last_place", m.place);
		char late[128];
		if (m.kind == MK_PARTY && materials_late(u, &m, pids, np, late, sizeof late))
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
		[M_POST] = { .label = "主持人职务", .type = FT_TEXT, .maxchars = 30, .hint = "例如：社区党委书记" },
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

/* ======================================================================
 * the live meeting
 * ==================================================================== */
#define L_ITEMS 64
#define L_ROWS 64
enum { PANE_SIGN, PANE_MINUTES, PANE_VOTE };
static const char *const pane_names[] = { "签到", "记录", "表决" };

static struct {
	struct meeting m;
	int loaded;
	struct agenda_item items[L_ITEMS];
	int nitems, item;
	struct quorum_state q;
	/* sign-in */
	struct attendance att[L_ROWS];
	int natt, acur, after_no, avis;
	char filter[64];
	/* minutes: the newest page */
	int nminutes;
	/* votes of the selected item */
	struct vote votes[8];
	int nvotes;
	/* the current speaker, kept between entries */
	struct person speaker;
	int have_speaker;
	/* 签字确认 */
	int sealed;
	struct seal seal;
} L;

static void live_clear(void)
{
	if (L.loaded)
		meeting_clear(&L.m);
	for (int i = 0; i < L.nitems; i++)
		agenda_clear(&L.items[i]);
	L.nitems = 0;
	L.loaded = 0;
}

static void load_attendance(struct ui *u)
{
	int vis = L.avis > 0 && L.avis <= L_ROWS ? L.avis : L_ROWS;
	L.natt = store_attendance_page(u->st, L.m.id, L.filter, -1, L.after_no, 1, L.att, vis);
	if (L.natt < 0)
		L.natt = 0;
	if (L.natt == 0 && L.after_no) {
		L.after_no = 0;
		L.natt = store_attendance_page(u->st, L.m.id, L.filter, -1, 0, 1, L.att, vis);
		if (L.natt < 0)
			L.natt = 0;
	}
	if (L.acur >= L.natt)
		L.acur = L.natt ? L.natt - 1 : 0;
}

static void load_votes(struct ui *u)
{
	L.nvotes = 0;
	if (L.item < L.nitems) {
		int n = store_vote_list(u->st, L.items[L.item].id, L.votes, 8);
		L.nvotes = n > 0 ? n : 0;
	}
}

static void live_reload(struct ui *u)
{
	char err[512];
	char id[ID_LEN];
	snprintf(id, sizeof id, "%s", u->meeting_id);
	int keep = L.item;
	live_clear();
	memset(&L.m, 0, sizeof L.m);
	if (store_meeting_get(u->st, id, &L.m) != 0) {
		ui_error(u, "找不到这次会议。");
		return;
	}
	L.loaded = 1;
	int n = store_agenda_list(u->st, L.m.id, L.items, L_ITEMS);
	L.nitems = n > 0 ? n : 0;
	L.item = keep < L.nitems ? keep : 0;
	if (ops_quorum(u->st, L.m.id, &L.q, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	L.nminutes = store_minute_count(u->st, L.m.id);
	L.sealed = store_seal_get(u->st, L.m.id, &L.seal) == 0;
	load_attendance(u);
	load_votes(u);
}

static void live_enter(struct ui *u)
{
	L.item = 0;
	L.acur = 0;
	L.after_no = 0;
	L.filter[0] = '\0';
	L.have_speaker = 0;
	u->pane = PANE_SIGN;
	live_reload(u);
}

static const char *outcome_name(int oc)
{
	static const char *const names[] = { "未决", "已通过", "已退回", "不予采纳", "已撤回", "已结束" };
	return oc >= 0 && oc <= OC_NOTED ? names[oc] : "?";
}

static void draw_agenda(struct ui *u, int top, int bottom, int w)
{
	ui_put(top, 0, w, " 议程", 0, UA_HEAD);
	for (int i = 0; i < L.nitems && top + 1 + i * 2 < bottom; i++) {
		struct agenda_item *a = &L.items[i];
		int sel = i == L.item;
		ui_putf(top + 1 + i * 2, 0, w, TEXT_ELLIPSIS, sel ? UA_SEL : UA_NORMAL, "%s%d. %s",
		        sel ? "▸" : " ", i + 1, a->title);
		ui_putf(top + 2 + i * 2, 0, w, TEXT_ELLIPSIS, a->outcome == OC_OPEN ? UA_DIM : UA_OK,
		        "   %s %s", a->proposal_number[0] ? a->proposal_number : "其他事项", outcome_name(a->outcome));
	}
	(void)u;
}

static const char *attend_label(const struct attendance *a, char *buf, size_t len)
{
	switch (a->status) {
	case ATT_PRESENT:
		snprintf(buf, len, "出席 %.5s", a->signed_at[0] ? a->signed_at + 11 : "");
		break;
	case ATT_LEAVE:
		snprintf(buf, len, "请假：%s", a->reason);
		break;
	default:
		snprintf(buf, len, "%s", attend_name(a->status));
	}
	return buf;
}

static void draw_sign(struct ui *u, int top, int bottom, int x, int w)
{
	int vis = bottom - top - 1;
	if (vis > L_ROWS)
		vis = L_ROWS;
	if (vis != L.avis) {
		L.avis = vis;
		load_attendance(u);
	}
	int nw = (w - 40) / 3 > 10 ? (w - 40) / 3 : 10;   /* names get the spare width */
	const int widths[] = { -4, nw, 14, 40 };
	const char *head[] = { "编号", "姓名", "身份", L.filter[0] ? "状态（已按姓名查找）" : "状态" };
	ui_row(top, x + 1, w - 1, UA_HEAD, head, widths, 4);
	for (int i = 0; i < L.natt && i < vis; i++) {
		struct attendance *a = &L.att[i];
		char rl[64], st[200], no[16];
		ui_roles_short(a->roles, rl, sizeof rl);
		if (a->person_id[0])
			snprintf(no, sizeof no, "%d", a->person_no);
		else
			no[0] = '\0';
		int attr = i == L.acur ? UA_SEL
		         : a->status == ATT_PRESENT ? UA_OK
		         : a->status == ATT_NONE ? UA_NORMAL : UA_WARN;
		const char *cells[] = { no, a->name, rl, attend_label(a, st, sizeof st) };
		ui_put(top + 1 + i, x, 1, i == L.acur ? "▸" : " ", 0, attr);
		ui_row(top + 1 + i, x + 1, w - 1, attr, cells, widths, 4);
	}
	if (L.natt == 0)
		ui_put(top + 1, x + 1, w - 1, L.filter[0] ? "没有找到。按 / 重新查找（空白则显示全部）。"
		                                           : "签到表是空的：花名册里没有这类会议的应到人员。",
		       TEXT_ELLIPSIS, UA_DIM);
}

static void wrap_into(const char *line, size_t nbytes, void *arg)
{
	sb_addn(arg, line, nbytes);
	sb_add(arg, "\n");
}

static void draw_minutes(struct ui *u, int top, int bottom, int x, int w)
{
	/* the state line above already says what a closed or sealed meeting allows */
	ui_putf(top, x, w, TEXT_ELLIPSIS, UA_HEAD, " 发言记录（%d 条）%s", L.nminutes,
	        L.m.status == MS_CLOSED ? "" : "  按 i 或 Enter 记录发言");
	/* the newest entries that fit, oldest of them first */
	int h = bottom - top - 1;
	struct minute mins[32];
	int n = store_minute_page(u->st, L.m.id, 1 << 30, -1, mins, h < 32 ? h : 32);
	if (n < 0)
		n = 0;
	/* wrap each entry (Chinese line-breaking rules), newest at the bottom */
	struct strbuf lines[32];
	int nl[32], used = 0, first = n;
	for (int i = n - 1; i >= 0; i--) {
		char *line = xasprintf("%s %s：%s", mins[i].at, mins[i].speaker, mins[i].text ? mins[i].text : "");
		memset(&lines[i], 0, sizeof lines[i]);
		sb_add(&lines[i], "");
		nl[i] = text_wrap(line, w - 2, wrap_into, &lines[i]);
		free(line);
		if (used + nl[i] > h) {
			sb_free(&lines[i]);
			break;
		}
		used += nl[i];
		first = i;
	}
	int y = top + 1;
	for (int i = first; i < n; i++) {
		const char *p = lines[i].s;
		for (int j = 0; j < nl[i] && y < bottom; j++) {
			const char *e = strchr(p, '\n');
			char *l = xasprintf("%.*s", (int)(e ? e - p : (long)strlen(p)), p);
			ui_put(y++, x + 1, w - 1, l, 0, UA_NORMAL);
			free(l);
			p = e ? e + 1 : p + strlen(p);
		}
		sb_free(&lines[i]);
	}
	for (int i = 0; i < n; i++)
		minute_clear(&mins[i]);
	if (n == 0)
		ui_put(top + 1, x + 1, w - 1, "还没有记录。按 i 开始记录发言。", 0, UA_DIM);
}

static void draw_vote(struct ui *u, int top, int bottom, int x, int w)
{
	if (L.nitems == 0) {
		ui_put(top, x, w, " 没有议题。", 0, UA_DIM);
		return;
	}
	struct agenda_item *a = &L.items[L.item];
	int y = top;
	ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_HEAD, " %d. %s", L.item + 1, a->title);
	ui_putf(y++, x, w, TEXT_ELLIPSIS, a->outcome == OC_OPEN ? UA_NORMAL : UA_OK, " %s  %s%s%s",
	        a->proposal_number[0] ? a->proposal_number : "其他事项", outcome_name(a->outcome),
	        a->reason && a->reason[0] ? "：" : "", a->reason ? a->reason : "");
	struct rule_set r;
	if (store_rule_get(u->st, L.m.rule_id, &r) == 0) {
		char desc[512];
		rule_describe(&r, desc, sizeof desc);
		ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_DIM, " 规则：%s。%s", r.name, desc);
	}
	if (L.nvotes == 0) {
		ui_put(y + 1, x + 1, w - 1,
		       a->outcome != OC_OPEN ? "本议题没有表决。"
		       : L.m.status == MS_CLOSED ? "会议已散会，本议题未表决、未结束。"
		       : L.m.status == MS_PLANNED ? "会议尚未开始：签到后按 s 宣布开会，再按 v 表决。"
		       : "尚未表决。按 v 表决（须达到法定人数），表决后按 c 结束议题。",
		       TEXT_ELLIPSIS, UA_DIM);
		return;
	}
	struct vote *v = &L.votes[L.nvotes - 1];
	y++;
	ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_NORMAL, " 第 %d 轮 %s  应到 %d  实到 %d", v->round,
	        vote_method_name(v->method), v->t.entitled, v->t.present);
	static const struct { const char *name; int attr; } bars[] = {
		{ "赞成", UA_YES }, { "反对", UA_NO }, { "弃权", UA_ABSTAIN }, { "未表决", UA_NONE_VOTED },
	};
	int counts[4] = { v->t.yes, v->t.no, v->t.abstain, tally_not_voted(&v->t) };
	for (int i = 0; i < 4 && y < bottom - 2; i++, y++) {
		ui_putf(y, x + 1, 6, 0, UA_NORMAL, "%s", bars[i].name);
		ui_putf(y, x + 7, 5, TEXT_RIGHT, UA_NORMAL, "%d ", counts[i]);
		ui_bar(y, x + 13, w - 14, counts[i], v->t.present, bars[i].attr);
	}
	ui_putf(y++, x, w, TEXT_ELLIPSIS, v->passed ? UA_OK : UA_ERR, " %s %s", v->passed ? "✓" : "✗",
	        v->sentence);
	if (y < bottom)
		ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_DIM, " 依据：%s", v->rule.source);
	/* earlier rounds stay visible: a recount never overwrites */
	for (int i = L.nvotes - 2; i >= 0 && y < bottom; i--, y++) {
		const struct vote *o = &L.votes[i];
		ui_putf(y, x, w, TEXT_ELLIPSIS, UA_DIM, " 第 %d 轮 %s 赞成 %d 反对 %d 弃权 %d，%s%s%s",
		        o->round, vote_method_name(o->method), o->t.yes, o->t.no, o->t.abstain,
		        o->passed ? "通过" : "未通过", o->reason[0] ? "；" : "", o->reason);
	}
	if (L.nvotes > 1 && y < bottom)
		ui_putf(y, x, w, TEXT_ELLIPSIS, UA_DIM, " 第 %d 轮是再次表决：%s", v->round,
		        v->reason[0] ? v->reason : "");
}

static void live_draw(struct ui *u, int top, int bottom)
{
	if (!L.loaded) {
		ui_put(top, 1, u->cols - 2, "没有打开的会议。按 Esc 返回。", 0, UA_DIM);
		return;
	}
	const struct meeting_kind_def *k = meeting_kind_get(L.m.kind);
	ui_putf(top, 0, u->cols, TEXT_ELLIPSIS, UA_HEAD, " %s [%s] %s  %s %s  主持 %s  记录 %s  %s",
	        L.m.number, L.sealed ? "已签字确认" : meeting_status_names[L.m.status % 3], k ? k->name : "", L.m.date,
	        L.m.start_time, L.m.chair_name, L.m.clerk_name, L.m.place);
	/* the quorum meter */
	struct attendance_counts *c = &L.q.c;
	char meter[256];
	snprintf(meter, sizeof meter, " 应到 %d  实到 %d  请假 %d  缺席 %d  未签到 %d  列席 %d ",
	         c->entitled, c->present, c->leave, c->absent, c->none, c->observers);
	int mw = text_width(meter);
	ui_put(top + 1, 0, mw, meter, 0, UA_NORMAL);
	char verdict[128];
	if (L.q.ok)
		snprintf(verdict, sizeof verdict, "✓ 已达法定人数");
	else
		snprintf(verdict, sizeof verdict, "✗ 不足（至少 %ld 人）", L.q.needed);
	int vw = text_width(verdict);
	int bw = u->cols - mw - vw - 2;
	if (bw >= 4)
		ui_bar(top + 1, mw, bw, c->present, c->entitled, L.q.ok ? UA_YES : UA_ABSTAIN);
	ui_put(top + 1, u->cols - vw - 1, vw + 1, verdict, 0, L.q.ok ? UA_OK : UA_ERR);
	/* pane tabs */
	int x = 1;
	for (int i = 0; i < 3; i++) {
		int on = i == u->pane;
		ui_putf(top + 2, x, 8, 0, on ? UA_TAB_ON : UA_TAB, on ? "[%s]" : " %s ", pane_names[i]);
		x += 9;
	}
	ui_put(top + 2, x, u->cols - x, L.m.status == MS_PLANNED ? " 会议未开始：签到后按 s 宣布开会"
	       : L.sealed ? " 已签字确认、封存：有误请按 e 添加更正"
	       : L.m.status == MS_CLOSED ? " 已散会：按 p 预览记录，核对后按 f 签字确认" : " Tab 切换栏目  [ ] 选择议题",
	       TEXT_ELLIPSIS, L.m.status == MS_OPEN ? UA_DIM : UA_WARN);
	int aw = u->cols >= 120 ? 34 : 24;
	draw_agenda(u, top + 3, bottom, aw);
	int px = aw + 1, pw = u->cols - px;
	switch (u->pane) {
	case PANE_SIGN: draw_sign(u, top + 3, bottom, px, pw); break;
	case PANE_MINUTES: draw_minutes(u, top + 3, bottom, px, pw); break;
	default: draw_vote(u, top + 3, bottom, px, pw);
	}
}

/* ---- sign-in ------------------------------------------------------------- */
static struct attendance *att_selected(void)
{
	return L.natt ? &L.att[L.acur] : NULL;
}

static void sign(struct ui *u, int status)
{
	struct attendance *a = att_selected();
	char err[512], *reason = NULL;
	if (!a)
		return;
	if (status == ATT_LEAVE) {
		char title[128];
		snprintf(title, sizeof title, "%s 请假", a->name);
		if (!ui_prompt_required(u, title, "请假原因（必填）：", a->reason, 60, &reason))
			return;
	}
	if (a->status == ATT_OBSERVER) {
		ui_error(u, "%s 是列席人员，不计入应到和实到。", a->name);
	} else if (ops_attend(u->st, L.m.id, a->person_id, status, reason, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
	} else {
		ui_message(u, UA_OK, "%s：%s", a->name, attend_name(status));
		if (status == ATT_PRESENT && L.acur < L.natt - 1)
			L.acur++;        /* the next person in the queue */
	}
	free(reason);
	live_reload(u);
}

static void att_move(struct ui *u, int d)
{
	while (d > 0) {
		if (L.acur < L.natt - 1)
			L.acur++;
		else if (L.natt == L.avis && L.natt > 0) {
			struct attendance next[1];
			if (store_attendance_page(u->st, L.m.id, L.filter, -1, L.att[L.natt - 1].person_no, 1, next, 1) != 1)
				break;
			L.after_no = L.att[0].person_no;
			load_attendance(u);
			L.acur = L.natt - 1;
		} else
			break;
		d--;
	}
	while (d < 0) {
		if (L.acur > 0)
			L.acur--;
		else if (L.after_no > 0) {
			struct attendance prev[2];
			int m = store_attendance_page(u->st, L.m.id, L.filter, -1, L.att[0].person_no, -1, prev, 2);
			L.after_no = m == 2 ? prev[0].person_no : 0;
			load_attendance(u);
			L.acur = 0;
		} else
			break;
		d++;
	}
}

static void add_observer(struct ui *u)
{
	struct person p[1];
	int n = 0;
	char err[512];
	if (!ui_pick_people(u, "列席人员（可输入不在花名册的姓名）", 0, 0, 1, p, 1, &n) || n == 0)
		return;
	if (ops_observer(u->st, L.m.id, p[0].id[0] ? p[0].id : NULL, p[0].name, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已添加列席：%s", p[0].name);
	live_reload(u);
}

/* ---- minutes --------------------------------------------------------------- */
static int choose_speaker(struct ui *u)
{
	struct person p[1];
	int n = 0;
	if (!ui_pick_people(u, "发言人（可输入不在花名册的姓名）", 0, 0, 1, p, 1, &n) || n == 0)
		return 0;
	L.speaker = p[0];
	L.have_speaker = 1;
	return 1;
}

/* the minute editor: stays open for the next entry; Enter saves, a pasted
 * block keeps its line breaks */
static void minute_editor(struct ui *u)
{
	char err[512] = "";
	struct edbuf e;
	if (!L.have_speaker && !choose_speaker(u))
		return;
	edbuf_init(&e, 1, 2000);
	curs_set(1);
	for (;;) {
		ui_draw_frame(u);
		int h = 7, w = u->cols - 2;
		int y0 = u->rows - h - 2, x0 = 1;
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " 记录发言  发言人：%s  议题：%s", L.speaker.name,
		        L.nitems ? L.items[L.item].title : "（无）");
		for (int i = 1; i < h - 1; i++)
			ui_fill(y0 + i, x0, w, UA_NORMAL);
		int cr, cc;
		ui_draw_multi_field(&e, y0 + 1, x0 + 1, h - 3, w - 2, UA_FIELD_ON, &cr, &cc);
		ui_put(y0 + h - 2, x0 + 1, w - 2, err, TEXT_ELLIPSIS, UA_ERR);
		ui_put(y0 + h - 1, x0, w, " Enter 保存本条  Tab 换发言人  Esc 结束记录（未保存的这一条会询问）",
		       TEXT_ELLIPSIS, UA_TAB);
		ui_cursor(y0 + 1 + cr, x0 + 1 + cc);
		wnoutrefresh(stdscr);
		doupdate();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		err[0] = '\0';
		if (k == 27) {
			if (e.len == 0 || ui_confirm(u, "这一条还没有保存，放弃它？"))
				break;
		} else if (k == '\t') {
			choose_speaker(u);
		} else if (k == '\r' || k == KC(KEY_ENTER)) {
			struct minute m;
			memset(&m, 0, sizeof m);
			snprintf(m.meeting_id, sizeof m.meeting_id, "%s", L.m.id);
			snprintf(m.speaker_id, sizeof m.speaker_id, "%s", L.speaker.id);
			snprintf(m.speaker, sizeof m.speaker, "%s", L.speaker.name);
			if (L.nitems)
				snprintf(m.agenda_id, sizeof m.agenda_id, "%s", L.items[L.item].id);
			m.text = edbuf_get(&e);
			ys_trim(m.text);
			if (ops_minute_add(u->st, &m, err, sizeof err) == 0) {
				edbuf_clear(&e);
				L.nminutes++;
				ui_message(u, UA_OK, "已保存第 %d 条记录（%s %s）。", m.seq, m.at, m.speaker);
			}
			free(m.text);
		} else {
			ui_edit_key(&e, k, paste, u->cols - 4);
		}
		free(paste);
	}
	curs_set(0);
	edbuf_free(&e);
}

/* ---- votes --------------------------------------------------------------- */
static int quorum_gate(struct ui *u)
{
	char err[512];
	if (ops_quorum(u->st, L.m.id, &L.q, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return 0;
	}
	if (L.m.status == MS_CLOSED) {
		ui_error(u, "会议已散会，不能再表决。");
		return 0;
	}
	if (L.m.status == MS_PLANNED) {
		ui_error(u, "会议尚未开始：请先按 s 宣布开会。");
		return 0;
	}
	if (!L.q.ok) {
		ui_error(u, "%s", L.q.sentence);
		return 0;
	}
	return 1;
}

struct count_arg {
	const char *mid, *aid;
	int method;
	struct vote out;
	const char *supersedes;
	char *reason;
};

static int counts_submit(struct ui *u, struct form *fm, void *arg)
{
	struct count_arg *ca = arg;
	int v[6] = { 0 };
	char err[256];
	for (int i = 0; i < fm->n && i < 6; i++) {
		char *s = form_get_text(fm, i);
		int rc = parse_count(s, L.q.c.present, &v[i], err, sizeof err);
		free(s);
		if (rc != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」%s", fm->f[i].label, err);
			fm->focus = i;
			return -1;
		}
	}
	/* two clerks' entries must agree before anything is saved (DESIGN §4) */
	if (fm->n == 6 && (v[0] != v[3] || v[1] != v[4] || v[2] != v[5])) {
		snprintf(fm->msg, sizeof fm->msg,
		         "两次录入不一致：第一遍 赞成 %d 反对 %d 弃权 %d，复核 赞成 %d 反对 %d 弃权 %d。请核对后改正。",
		         v[0], v[1], v[2], v[3], v[4], v[5]);
		return -1;
	}
	struct vote_req rq = { .method = ca->method, .yes = v[0], .no = v[1], .abstain = v[2],
	                       .supersedes = ca->supersedes, .reason = ca->reason };
	if (ops_vote(u->st, ca->mid, ca->aid, &rq, &ca->out, fm->msg, sizeof fm->msg) != 0)
		return -1;
	return 0;
}

/* roll call: one choice per present person */
static int roll_call(struct ui *u, struct ballot **out, int *nout)
{
	int n = L.q.c.present, cur = 0, top = 0;
	struct attendance *pres = xcalloc((size_t)(n ? n : 1), sizeof *pres);
	struct ballot *b = xcalloc((size_t)(n ? n : 1), sizeof *b);
	int got = 0, after = 0;
	while (got < n) {
		int m = store_attendance_page(u->st, L.m.id, "", ATT_PRESENT, after, 1, pres + got, n - got);
		if (m <= 0)
			break;
		got += m;
		after = pres[got - 1].person_no;
	}
	n = got;
	for (int i = 0; i < n; i++) {
		snprintf(b[i].person_id, sizeof b[i].person_id, "%s", pres[i].person_id);
		snprintf(b[i].name, sizeof b[i].name, "%s", pres[i].name);
	}
	int ok = 0;
	for (;;) {
		ui_draw_frame(u);
		int h = u->rows - 2, w = u->cols - 4 > 70 ? 70 : u->cols - 4;
		int y0 = 1, x0 = (u->cols - w) / 2;
		int cnt[4] = { 0 };
		for (int i = 0; i < n; i++)
			cnt[b[i].choice]++;
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " 记名表决  赞成 %d  反对 %d  弃权 %d  未表决 %d",
		        cnt[CH_YES], cnt[CH_NO], cnt[CH_ABSTAIN], cnt[CH_NONE]);
		int vis = h - 2;
		if (cur < top)
			top = cur;
		if (cur >= top + vis)
			top = cur - vis + 1;
		for (int i = 0; i < vis; i++) {
			int j = top + i;
			if (j >= n) {
				ui_fill(y0 + 1 + i, x0, w, UA_NORMAL);
				continue;
			}
			char *nm = text_fit(b[j].name, 10, TEXT_ELLIPSIS);
			ui_putf(y0 + 1 + i, x0, w, TEXT_ELLIPSIS, j == cur ? UA_SEL : UA_NORMAL, "%s%4d %s %s",
			        j == cur ? "▸" : " ", pres[j].person_no, nm, choice_name(b[j].choice));
			free(nm);
		}
		ui_put(y0 + h - 1, x0, w, " 1 赞成  2 反对  3 弃权  0 清除  ↑↓ 选人  ^S/F10 保存  Esc 取消",
		       TEXT_ELLIPSIS, UA_TAB);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27) {
			if (ui_confirm(u, "放弃本次记名表决？"))
				break;
		} else if (k == 19 || k == KC(KEY_F(10))) {
			ok = 1;
			break;
		} else if (k >= '0' && k <= '3' && n > 0) {
			b[cur].choice = k - '0';
			if (cur < n - 1)
				cur++;
		} else if (k == KC(KEY_DOWN) && cur < n - 1) {
			cur++;
		} else if (k == KC(KEY_UP) && cur > 0) {
			cur--;
		}
	}
	free(pres);
	if (!ok) {
		free(b);
		return 0;
	}
	*out = b;
	*nout = n;
	return 1;
}

static void take_vote(struct ui *u)
{
	if (L.nitems == 0)
		return;
	struct agenda_item *a = &L.items[L.item];
	if (L.m.status == MS_CLOSED) {
		ui_error(u, "会议已散会，不能再表决。");
		return;
	}
	if (a->outcome != OC_OPEN) {
		ui_error(u, "本议题已结束（%s），不能再表决。", outcome_name(a->outcome));
		return;
	}
	if (!quorum_gate(u))
		return;
	const char *methods[3];
	for (int i = 0; i < 3; i++)
		methods[i] = vote_method_name(i);
	int method = 0;
	if (!ui_choose(u, "表决方式", methods, 3, &method))
		return;
	struct count_arg ca;
	memset(&ca, 0, sizeof ca);
	ca.mid = L.m.id;
	ca.aid = a->id;
	ca.method = method;
	char prev_id[ID_LEN] = "";
	if (L.nvotes > 0) {
		/* a new round on the same item: a recount keeps the old record */
		snprintf(prev_id, sizeof prev_id, "%s", L.votes[L.nvotes - 1].id);
		if (!ui_prompt_required(u, "再次表决", "本议题已表决过。再次表决的理由（必填，原记录保留）：", NULL, 100,
		               &ca.reason))
			return;
		ca.supersedes = prev_id;
	}
	char err[512];
	if (method == VM_ROLLCALL) {
		struct ballot *b = NULL;
		int n = 0;
		if (roll_call(u, &b, &n)) {
			struct vote_req rq = { .method = method, .ballots = b, .nballots = n,
			                       .supersedes = ca.supersedes, .reason = ca.reason };
			if (ops_vote(u->st, L.m.id, a->id, &rq, &ca.out, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else
				ui_message(u, ca.out.passed ? UA_OK : UA_WARN, "%s", ca.out.sentence);
			free(b);
		}
	} else {
		char title[160];
		snprintf(title, sizeof title, "%s：实到 %d 人", vote_method_name(method), L.q.c.present);
		struct field f[6] = {
			{ .label = "赞成", .type = FT_NUMBER, .required = 1, .maxchars = 7 },
			{ .label = "反对", .type = FT_NUMBER, .required = 1, .maxchars = 7 },
			{ .label = "弃权", .type = FT_NUMBER, .required = 1, .maxchars = 7,
			  .hint = "三项合计不能超过实到人数；未表决 = 实到 − 三项之和" },
			{ .label = "复核：赞成", .type = FT_NUMBER, .required = 1, .maxchars = 7,
			  .hint = "第二名工作人员独立录入；两遍一致才保存" },
			{ .label = "复核：反对", .type = FT_NUMBER, .required = 1, .maxchars = 7 },
			{ .label = "复核：弃权", .type = FT_NUMBER, .required = 1, .maxchars = 7 },
		};
		/* the setting 计票两人录入 adds the second entry */
		char dbl[8];
		int n = store_setting_get(u->st, "tally_double_entry", dbl, sizeof dbl) == 0 && atoi(dbl) ? 6 : 3;
		struct form fm = { .title = title, .f = f, .n = n, .submit = counts_submit, .arg = &ca };
		form_init(&fm);
		for (int i = 1; i < n; i++)
			if (i != 3)
				form_set_text(&fm, i, "0");
		if (form_run(u, &fm))
			ui_message(u, ca.out.passed ? UA_OK : UA_WARN, "%s", ca.out.sentence);
		form_free(&fm);
	}
	free(ca.reason);
	live_reload(u);
}

static void close_item(struct ui *u)
{
	if (L.nitems == 0)
		return;
	struct agenda_item *a = &L.items[L.item];
	if (a->outcome != OC_OPEN) {
		ui_error(u, "本议题已结束（%s）。", outcome_name(a->outcome));
		return;
	}
	const struct meeting_kind_def *k = meeting_kind_get(L.m.kind);
	struct proposal p;
	memset(&p, 0, sizeof p);
	int has_p = a->proposal_id[0] && store_proposal_get(u->st, a->proposal_id, &p) == 0;
	/* what can happen to this item, as data */
	struct { int outcome; char label[128]; } opts[5];
	int n = 0;
	if (has_p && k->performs_step) {
		opts[n].outcome = OC_FORWARD;
		snprintf(opts[n++].label, 128, "表决通过，转入「%s」", step_long_name(k->performs_step));
	}
	if (!has_p || !k->performs_step) {
		opts[n].outcome = OC_NOTED;
		snprintf(opts[n++].label, 128, "已听取意见，结束本议题");
	}
	if (has_p) {
		opts[n].outcome = OC_RETURN;
		snprintf(opts[n++].label, 128, "退回修改（回到较早的步骤）");
		opts[n].outcome = OC_REJECT;
		snprintf(opts[n++].label, 128, "不予采纳");
		opts[n].outcome = OC_WITHDRAW;
		snprintf(opts[n++].label, 128, "提议人撤回");
	}
	const char *labels[5];
	for (int i = 0; i < n; i++)
		labels[i] = opts[i].label;
	int sel = 0;
	char title[320];
	snprintf(title, sizeof title, "结束议题：%s", a->title);
	if (!ui_choose(u, title, labels, n, &sel)) {
		proposal_clear(&p);
		return;
	}
	struct close_req rq = { .outcome = opts[sel].outcome };
	char *reason = NULL, *decision = NULL, err[512];
	int go = 1;
	if (rq.outcome == OC_FORWARD) {
		/* say it before asking anything else */
		struct vote v;
		if (store_vote_latest(u->st, a->id, &v) != 0 || !v.passed) {
			ui_error(u, "本议题%s，不能转入下一步；可以再次表决，或选择退回、不予采纳。",
			         L.nvotes ? "表决未通过" : "尚未表决");
			proposal_clear(&p);
			return;
		}
	}
	if (rq.outcome == OC_RETURN) {
		const char *steps[STEP_MAX];
		int vals[STEP_MAX], ns = 0;
		for (int s = STEP_PROPOSE; s < p.step || (s == STEP_PROPOSE && ns == 0); s++) {
			vals[ns] = s;
			steps[ns++] = step_long_name(s);
		}
		int ts = ns - 1;
		go = ui_choose(u, "退回到哪一步（之后重新进行）", steps, ns, &ts);
		rq.to_step = go ? vals[ts] : 0;
	}
	if (go && rq.outcome != OC_FORWARD && rq.outcome != OC_NOTED)
		go = ui_prompt_required(u, opts[sel].label, "理由（必填，写入会议记录和议题档案）：", NULL, 200, &reason);
	if (go && (rq.outcome == OC_FORWARD || rq.outcome == OC_NOTED))
		go = ui_prompt(u, "决定事项", "决定事项（可空，如：同意提交党员大会审议）：", NULL, 200, &decision);
	if (go) {
		rq.reason = reason;
		rq.decision = decision;
		if (ops_item_close(u->st, L.m.id, a->id, &rq, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "议题「%s」：%s。", a->title, opts[sel].label);
	}
	free(reason);
	free(decision);
	proposal_clear(&p);
	live_reload(u);
}

static void end_meeting(struct ui *u)
{
	char err[512], *pending = NULL;
	if (L.m.status == MS_CLOSED) {
		ui_error(u, "会议已经散会。");
		return;
	}
	int open = 0;
	for (int i = 0; i < L.nitems; i++)
		if (L.items[i].outcome == OC_OPEN)
			open++;
	if (!ui_confirm(u, open ? "还有议题未结束，仍然散会？散会后不能再签到、记录或表决。"
	                        : "宣布散会？散会后不能再签到、记录或表决。"))
		return;
	if (!ui_prompt_text(u, "遗留问题（可空；^S 保存）", L.m.pending, &pending))
		return;
	ys_trim(pending);
	if (pending[0] && store_meeting_set_pending(u->st, L.m.id, pending) != 0)
		ui_error(u, "%s", store_errmsg(u->st));
	else if (ops_meeting_close(u->st, L.m.id, 1, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "散会。会议 %s 已关闭。", L.m.number);
	free(pending);
	live_reload(u);
}

/* 签字确认: after the meeting, chair and clerk sign; the record is sealed */
static void seal_minutes(struct ui *u)
{
	char q[512], err[512];
	struct seal s;
	if (L.sealed) {
		ui_error(u, "会议记录已于 %s 签字确认。", L.seal.signed_at);
		return;
	}
	if (L.m.status != MS_CLOSED) {
		ui_error(u, "散会后才能签字确认：请先按 z 宣布散会。");
		return;
	}
	snprintf(q, sizeof q, "主持人 %s、记录人 %s 已在纸面记录上签字？确认后记录封存，不能再修改。",
	         L.m.chair_name, L.m.clerk_name);
	if (!ui_confirm(u, q))
		return;
	if (ops_seal(u->st, L.m.id, &s, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已签字确认。摘要 SM3 %.16s…，打印在记录的每一页上。", s.sm3);
	live_reload(u);
}

/* 更正 to a sealed record: reason and text, never an edit */
static void addendum(struct ui *u)
{
	char *reason = NULL, *text = NULL, err[512];
	if (!L.sealed) {
		ui_error(u, "记录尚未签字确认：散会后核对无误再按 f 签字确认。");
		return;
	}
	if (!ui_prompt_required(u, "更正", "更正的理由（必填，打印在以后的记录上）：", NULL, 200, &reason))
		return;
	if (ui_prompt_text(u, "更正的内容（^S 保存）", NULL, &text)) {
		ys_trim(text);
		if (ops_addendum(u->st, L.m.id, reason, text, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "已添加更正；原记录不变，更正随记录打印。");
	}
	free(reason);
	free(text);
	live_reload(u);
}

/* Actions that would change the record: refused on the key, before the
 * clerk types anything, when the meeting is sealed or over. */
static int record_locked(struct ui *u, int a)
{
	switch (a) {
	case K_SIGN: case K_LEAVE: case K_ABSENT: case K_UNSIGN: case K_OBSERVER:
	case K_MINUTE: case K_VOTE: case K_CLOSE_ITEM: case K_END_MEETING: case K_START:
		break;
	default:
		return 0;
	}
	if (L.sealed) {
		ui_error(u, "会议记录已签字确认，不能修改；如有错误请按 e 添加更正。");
		return 1;
	}
	if (L.m.status == MS_CLOSED) {
		ui_error(u, "会议已散会，不能再%s。", a == K_VOTE || a == K_CLOSE_ITEM ? "表决或结束议题"
		         : a == K_END_MEETING || a == K_START ? "开会或散会"
		         : a == K_MINUTE ? "记录发言" : "签到");
		return 1;
	}
	return 0;
}

static void live_action(struct ui *u, int a)
{
	char err[512];
	if (!L.loaded) {
		if (a == K_BACK)
			ui_goto(u, SCR_MEETINGS);
		return;
	}
	if (record_locked(u, a))
		return;
	switch (a) {
	case K_BACK:
		ui_goto(u, SCR_MEETINGS);
		break;
	case K_PANE:
		u->pane = (u->pane + 1) % 3;
		break;
	case K_LEFT:
		if (L.item > 0) {
			L.item--;
			load_votes(u);
		}
		break;
	case K_RIGHT:
		if (L.item < L.nitems - 1) {
			L.item++;
			load_votes(u);
		}
		break;
	case K_UP: case K_DOWN: case K_PGUP: case K_PGDN:
		if (u->pane == PANE_SIGN)
			att_move(u, a == K_UP ? -1 : a == K_DOWN ? 1 : a == K_PGUP ? -L.avis : L.avis);
		else if (a == K_UP && L.item > 0) {
			L.item--;
			load_votes(u);
		} else if (a == K_DOWN && L.item < L.nitems - 1) {
			L.item++;
			load_votes(u);
		}
		break;
	case K_HOME:
		L.after_no = 0;
		L.acur = 0;
		load_attendance(u);
		break;
	case K_START:
		if (ops_meeting_open(u->st, L.m.id, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "会议开始（%s）。", L.m.number);
		live_reload(u);
		break;
	case K_SIGN: sign(u, ATT_PRESENT); break;
	case K_LEAVE: sign(u, ATT_LEAVE); break;
	case K_ABSENT: sign(u, ATT_ABSENT); break;
	case K_UNSIGN: sign(u, ATT_NONE); break;
	case K_OBSERVER: add_observer(u); break;
	case K_SEARCH: {
		char *q = NULL;
		if (ui_prompt(u, "查找签到人员", "姓名中的字（空白显示全部）：", L.filter, 20, &q)) {
			snprintf(L.filter, sizeof L.filter, "%s", q);
			L.after_no = 0;
			L.acur = 0;
			load_attendance(u);
		}
		free(q);
		break;
	}
	case K_MINUTE:
		minute_editor(u);
		live_reload(u);
		break;
	case K_VOTE: take_vote(u); break;
	case K_CLOSE_ITEM: close_item(u); break;
	case K_END_MEETING: end_meeting(u); break;
	case K_PREVIEW: ui_preview_minutes(u, L.m.id); break;
	case K_SEAL: seal_minutes(u); break;
	case K_ADDENDUM: addendum(u); break;
	}
}

/* what the hint bar offers depends on the meeting's state */
static int live_key_ok(struct ui *u, int a)
{
	(void)u;
	if (!L.loaded)
		return a == K_BACK;
	switch (a) {
	case K_START:
		return L.m.status == MS_PLANNED;
	case K_SIGN: case K_LEAVE: case K_ABSENT: case K_UNSIGN: case K_OBSERVER:
	case K_MINUTE: case K_END_MEETING:
		return L.m.status != MS_CLOSED;
	case K_VOTE: case K_CLOSE_ITEM:
		return L.m.status == MS_OPEN;
	case K_SEAL:
		return L.m.status == MS_CLOSED && !L.sealed;
	case K_ADDENDUM:
		return L.sealed;
	}
	return 1;
}

const struct screen_def screen_live = {
	.id = SCR_LIVE, .enter = live_enter, .draw = live_draw, .action = live_action, .key_ok = live_key_ok,
};
