/* ui_notices.c: 公示栏 — every notice with its posting period, the days
 * left, expired ones marked, and the objections received with how each was
 * answered. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "ops/ops.h"
#include "base/text.h"
#include "base/util.h"

#define NB_ROWS 64

static struct {
	struct pages pg;
	struct notice rows[NB_ROWS];
	int objections[NB_ROWS], unanswered[NB_ROWS];   /* read with the page */
} N;

/* newest first: the keyset is (start_date, id) */
static int nb_read(struct ui *u, void *ctx, const struct page_key *after, void *rows, int max)
{
	(void)ctx;
	return store_notice_page(u->st, after->a, after->b, rows, max);
}

static void nb_clear(void *row)
{
	notice_clear(row);
}

static void nb_loaded(struct ui *u, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < N.pg.n; i++) {
		N.objections[i] = N.unanswered[i] = 0;
		store_objection_count(u->st, N.rows[i].id, &N.objections[i], &N.unanswered[i]);
	}
}

static const struct page_def nb_pages = {
	.size = sizeof(struct notice), .max = NB_ROWS, .read = nb_read,
	.key = { offsetof(struct notice, start_date), offsetof(struct notice, id) }, .nkeys = 2,
	.clear = nb_clear, .loaded = nb_loaded,
};

static void nb_enter(struct ui *u)
{
	N.pg.def = &nb_pages;
	N.pg.rows = N.rows;
	/* read at the first draw, when the rows that fit are known */
	N.pg.vis = 0;
	(void)u;
}

/* 「还剩 3 天」 / 「今天截止」 / 「已过公示期」 / 「未开始」, and whether it is live */
static int period_state(const struct notice *n, char *buf, size_t len)
{
	struct tm now;
	char today[11];
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	if (strcmp(today, n->start_date) < 0) {
		snprintf(buf, len, "%d 天后开始", ys_days_between(today, n->start_date));
		return 0;
	}
	if (strcmp(today, n->end_date) > 0) {
		snprintf(buf, len, "已过公示期");
		return -1;
	}
	int left = ys_days_between(today, n->end_date) + 1;
	if (left == 1)
		snprintf(buf, len, "今天截止");
	else
		snprintf(buf, len, "还剩 %d 天", left);
	return 1;
}

static void nb_draw(struct ui *u, int top, int bottom)
{
	int detail = 5;                       /* rows for the selected notice's objections */
	pages_fit(u, &N.pg, bottom - top - 2 - detail);
	/* the title takes the spare width; the year is in the 文号 already */
	int tw = u->cols - 1 - (11 + 1) - (8 + 1) - (12 + 1) - (10 + 1) - 8 - 1;
	const int widths[] = { 11, 8, tw, 12, 10, 8 };
	const char *head[] = { "文号", "类型", "标题", "公示期", "状态", "异议" };
	ui_row(top, 1, u->cols - 1, UA_HEAD, head, widths, 6);
	for (int i = 0; i < N.pg.n && i < N.pg.vis; i++) {
		struct notice *n = &N.rows[i];
		char period[32], state[32], obj[32];
		snprintf(period, sizeof period, "%s至%s", n->start_date + 5, n->end_date + 5);
		int live = period_state(n, state, sizeof state);
		int total = N.objections[i], open = N.unanswered[i];
		if (open)
			snprintf(obj, sizeof obj, "%d/%d未答", total, open);
		else
			snprintf(obj, sizeof obj, "%d", total);
		const char *cells[] = { n->doc_no, n->kind == NK_DECISION ? "决议公开"
		                        : n->kind == NK_MEETING ? "会议通知" : "结果公开", n->title,
		                        period, state, obj };
		int attr = i == N.pg.cur ? UA_SEL : live < 0 ? UA_DIM : open ? UA_WARN : UA_NORMAL;
		ui_put(top + 1 + i, 0, 1, i == N.pg.cur ? "▸" : " ", 0, attr);
		ui_row(top + 1 + i, 1, u->cols - 1, attr, cells, widths, 6);
	}
	if (N.pg.n == 0) {
		ui_put(top + 1, 1, u->cols - 2, N.pg.depth ? "没有更早的公示。"
		       : "公示栏是空的。议题决议后，在议题看板上按 a 生成决议公开的公示。", TEXT_ELLIPSIS, UA_DIM);
		return;
	}
	/* the selected notice's objections */
	int y = bottom - detail;
	ui_hline(y - 1, 0, u->cols, UA_DIM);
	struct notice *n = &N.rows[N.pg.cur];
	struct objection ob[8];
	int no = store_objection_list(u->st, n->id, ob, 8);
	ui_putf(y++, 1, u->cols - 2, TEXT_ELLIPSIS, UA_HEAD, "%s %s  %s %s", n->doc_no, n->title,
	        n->kind == NK_MEETING ? "会议" : "议题",
	        n->kind == NK_MEETING ? n->meeting_number : n->proposal_number);
	if (no <= 0)
		ui_put(y, 1, u->cols - 2, "公示期内没有收到异议。收到异议时按 o 记录。", TEXT_ELLIPSIS, UA_DIM);
	for (int i = 0; i < no; i++) {
		if (y < bottom)
			ui_putf(y++, 1, u->cols - 2, TEXT_ELLIPSIS, ob[i].answer ? UA_NORMAL : UA_WARN,
			        "%d. %.10s %s：%s  %s%s", i + 1, ob[i].received_at, ob[i].person,
			        ob[i].content ? ob[i].content : "", ob[i].answer ? "答复：" : "（未答复，按 r 答复）",
			        ob[i].answer ? ob[i].answer : "");
		objection_clear(&ob[i]);
	}
}

static void record_objection(struct ui *u, const struct notice *n)
{
	char err[512];
	char *person = NULL, *content = NULL;
	if (!ui_prompt_required(u, "记录异议", "异议人（姓名或户号；不对外公开）：", NULL, 20, &person))
		return;
	if (ui_prompt_text(u, "异议内容", NULL, &content)) {
		ys_trim(content);
		if (ops_objection(u->st, n->id, person, content, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "已记录 %s 对 %s 的异议。", person, n->doc_no);
	}
	free(person);
	free(content);
}

static void answer_objection(struct ui *u, const struct notice *n)
{
	struct objection ob[16];
	const char *labels[16];
	char *lab[16];
	int idx[16], k = 0;
	int no = store_objection_list(u->st, n->id, ob, 16);
	for (int i = 0; i < no; i++) {
		if (!ob[i].answer) {
			lab[k] = xasprintf("%s：%s", ob[i].person, ob[i].content ? ob[i].content : "");
			labels[k] = lab[k];
			idx[k++] = i;
		}
	}
	if (k == 0) {
		ui_error(u, "这条公示没有待答复的异议。");
	} else {
		int sel = 0;
		char *answer = NULL;
		if (ui_choose(u, "答复哪一条异议", labels, k, &sel)
		    && ui_prompt_required(u, "答复异议", "答复内容（写入存档）：", NULL, 200, &answer)) {
			char err[512];
			if (ops_objection_answer(u->st, ob[idx[sel]].id, answer, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else
				ui_message(u, UA_OK, "已答复。");
		}
		free(answer);
	}
	for (int i = 0; i < k; i++)
		free(lab[i]);
	for (int i = 0; i < no; i++)
		objection_clear(&ob[i]);
}

static void nb_action(struct ui *u, int a)
{
	struct notice *n = N.pg.n ? &N.rows[N.pg.cur] : NULL;
	switch (a) {
	case K_UP: case K_DOWN: case K_PGUP: case K_PGDN: case K_HOME:
		pages_move(u, &N.pg, a);
		break;
	case K_PREVIEW:
	case K_PREVIEW_INTERNAL:
		if (n)
			ui_preview_notice(u, n->id, a == K_PREVIEW_INTERNAL);
		break;
	case K_OBJECTION:
		if (n)
			record_objection(u, n);
		pages_load(u, &N.pg);
		break;
	case K_ANSWER:
		if (n)
			answer_objection(u, n);
		pages_load(u, &N.pg);
		break;
	case K_EXPORT:
		ui_export_board(u);
		break;
	case K_ATTACH:
		if (n) {
			char label[400];
			snprintf(label, sizeof label, "%s %s", n->doc_no, n->title);
			ui_attachments(u, AO_NOTICE, n->id, label);
		}
		break;
	}
}

const struct screen_def screen_notices = {
	.id = SCR_NOTICES, .title = "公示栏", .enter = nb_enter, .draw = nb_draw, .action = nb_action,
};
