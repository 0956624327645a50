/* meetings.c: the list of meetings, newest first, a page at a time. */
#include <stdio.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"
#include "ops/ops.h"

#define ML_ROWS 64


static struct {
	struct pages pg;
	struct meeting rows[ML_ROWS];
	struct attendance_counts counts[ML_ROWS];   /* read with the page, not per frame */
	int sealed[ML_ROWS];
	int follow;              /* put the cursor on u->meeting_id at the next read */
} ML;

/* newest first: the keyset is (date, number) */
static int ml_read(struct ui *u, void *ctx, const struct page_key *after, void *rows, int max)
{
	(void)ctx;
	return store_meeting_page(u->st, after->a, after->b, rows, max);
}

static void ml_clear(void *row)
{
	meeting_clear(row);
}

/* what the list shows beside each meeting; the cursor on the meeting the
 * clerk comes back from, when it is on the page */
static void ml_loaded(struct ui *u, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < ML.pg.n; i++) {
		if (ML.follow && strcmp(ML.rows[i].id, u->meeting_id) == 0)
			ML.pg.cur = i;
		struct seal sl;
		memset(&ML.counts[i], 0, sizeof ML.counts[i]);
		store_attendance_counts(u->st, ML.rows[i].id, &ML.counts[i]);
		ML.sealed[i] = store_seal_get(u->st, ML.rows[i].id, &sl) == 0;
	}
	ML.follow = 0;
}

static const struct page_def ml_pages = {
	.size = sizeof(struct meeting), .max = ML_ROWS, .read = ml_read,
	.key = { offsetof(struct meeting, date), offsetof(struct meeting, number) }, .nkeys = 2,
	.clear = ml_clear, .loaded = ml_loaded,
};

static void ml_enter(struct ui *u)
{
	ML.pg.def = &ml_pages;
	ML.pg.rows = ML.rows;
	/* read at the first draw, when the rows that fit are known */
	ML.pg.vis = 0;
	ML.follow = u->meeting_id[0] != '\0';
}

static void ml_draw(struct ui *u, int top, int bottom)
{
	pages_fit(u, &ML.pg, bottom - top - 3);
	/* 编号 日期 类型 名称 状态 实到/应到; the name takes the spare width */
	int tw = u->cols - 1 - (10 + 1) - (10 + 1) - (12 + 1) - (6 + 1) - 9 - 1;
	const int widths[] = { 10, 10, 12, tw, 6, -9 };
	const char *head[] = { "编号", "日期", "类型", "会议名称", "状态", "实到/应到" };
	ui_row(top, 1, u->cols - 1, UA_HEAD, head, widths, 6);
	for (int i = 0; i < ML.pg.n && i < ML.pg.vis; i++) {
		struct meeting *m = &ML.rows[i];
		const struct meeting_kind_def *k = meeting_kind_get(m->kind);
		char cnt[32];
		snprintf(cnt, sizeof cnt, "%d/%d", ML.counts[i].present, ML.counts[i].entitled);
		const char *cells[] = { m->number, m->date, k ? k->name : "?", m->title,
		                        meeting_status_name(m->status, ML.sealed[i], m->postponed_from[0]),
		                        cnt };
		int attr = i == ML.pg.cur ? UA_SEL : UA_NORMAL;
		ui_put(top + 1 + i, 0, 1, i == ML.pg.cur ? "▸" : " ", 0, attr);
		ui_row(top + 1 + i, 1, u->cols - 1, attr, cells, widths, 6);
	}
	if (ML.pg.n == 0)
		ui_put(top + 1, 1, u->cols - 2, ML.pg.depth ? "没有更早的会议。" : "还没有会议。按 n 新建会议。",
		       0, UA_DIM);
	ui_put(bottom - 1, 1, u->cols - 2,
	       "会议依次处理：两委联席会议（商议）→ 党员大会（审议）→ 居民会议或居民代表会议（决议）。",
	       TEXT_ELLIPSIS, UA_DIM);
}

static void ml_action(struct ui *u, int a)
{
	if (pages_move(u, &ML.pg, a))
		return;
	switch (a) {
	case K_OPEN:
		if (ML.pg.n > 0) {
			snprintf(u->meeting_id, sizeof u->meeting_id, "%s", ML.rows[ML.pg.cur].id);
			ui_goto(u, SCR_LIVE);
		}
		break;
	case K_NEW:
		if (ui_meeting_new(u))
			ui_goto(u, SCR_LIVE);
		else
			pages_load(u, &ML.pg);
		break;
	case K_PREVIEW:
		if (ML.pg.n > 0)
			ui_preview_minutes(u, ML.rows[ML.pg.cur].id);
		break;
	case K_PAPERS:
		if (ML.pg.n > 0)
			ui_meeting_papers(u, ML.rows[ML.pg.cur].id);
		break;
	case K_ATTACH:
		if (ML.pg.n > 0) {
			char label[300];
			snprintf(label, sizeof label, "%s %s", ML.rows[ML.pg.cur].number, ML.rows[ML.pg.cur].title);
			ui_attachments(u, AO_MEETING, ML.rows[ML.pg.cur].id, label);
		}
		break;
	case K_EDIT:
	case K_POSTPONE:
	case K_CANCEL:
	case K_DELETE:
	case K_HISTORY:
		if (ML.pg.n == 0)
			break;
		if (a == K_EDIT)
			ui_meeting_edit(u, ML.rows[ML.pg.cur].id);
		else if (a == K_POSTPONE)
			ui_meeting_postpone(u, ML.rows[ML.pg.cur].id);
		else if (a == K_CANCEL)
			ui_meeting_cancel(u, ML.rows[ML.pg.cur].id);
		else if (a == K_DELETE)
			ui_meeting_delete(u, ML.rows[ML.pg.cur].id);
		else
			ui_preview_changes(u, "meeting", ML.rows[ML.pg.cur].id);
		pages_load(u, &ML.pg);
		break;
	}
}

const struct screen_def screen_meetings = {
	.id = SCR_MEETINGS, .title = "会议", .enter = ml_enter, .draw = ml_draw, .action = ml_action,
};
