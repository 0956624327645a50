/* diary.c: 民情日记 — the residents' concerns the community's workers
 * heard, newest first, with where each stands (待答复, 已答复, 逾期 in the
 * warning colour), filtered by state, grid and category; a concern
 * recorded, corrected, answered (the loop closed), turned into a proposal
 * (议题) or deleted while it led nowhere.  The forms are in diary_form.c;
 * every write goes through ops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "model/diary.h"
#include "ops/ops.h"

#define DY_ROWS 64

static struct {
	struct pages pg;
	struct diary rows[DY_ROWS];
	int state;                       /* enum diary_filter */
	char grid[64], category[64];     /* "" = any */
	char today[11];
	struct diary_counts counts;      /* under the grid and category filter */
	int counts_ok;
} Y;

static struct diary_query dy_query(void)
{
	struct diary_query q = { Y.state, Y.grid, Y.category, Y.today };
	return q;
}

static int dy_read(struct ui *u, void *ctx, const struct page_key *after, void *rows, int max)
{
	struct diary_query q = dy_query();
	(void)ctx;
	return store_diary_page(u->st, &q, after->a, after->b, rows, max);
}

static void dy_clear(void *row)
{
	diary_clear(row);
}

static void dy_loaded(struct ui *u, void *ctx)
{
	struct diary_query q = dy_query();
	(void)ctx;
	Y.counts_ok = store_diary_counts(u->st, &q, &Y.counts) == 0;
}

static const struct page_def dy_pages = {
	.size = sizeof(struct diary), .max = DY_ROWS, .read = dy_read,
	.key = { offsetof(struct diary, raised_on), offsetof(struct diary, number) }, .nkeys = 2,
	.clear = dy_clear, .loaded = dy_loaded,
};

static void dy_enter(struct ui *u)
{
	ys_today(Y.today);
	Y.pg.def = &dy_pages;
	Y.pg.rows = Y.rows;
	/* read at the first draw, when the rows that fit are known; a return
	 * to the tab reads the page again (a proposal may have been made) */
	if (Y.pg.vis > 0)
		pages_load(u, &Y.pg);
}

static struct diary *dy_selected(void)
{
	return Y.pg.n > 0 && Y.pg.cur < Y.pg.n ? &Y.rows[Y.pg.cur] : NULL;
}

/* ---- drawing ------------------------------------------------------------- */

/* the columns, and the width from which each is shown (0 = always) */
enum { C_DATE, C_NO, C_WHO, C_GRID, C_PLACE, C_CAT, C_URG, C_STATE, C_PROP, C_TEXT, C_N };
static const struct { const char *title; int w, from; } cols[C_N] = {
	[C_DATE] = { "日期", 5, 0 },
	[C_NO] = { "编号", 11, 0 },
	[C_WHO] = { "反映人", 8, 0 },
	[C_GRID] = { "网格", 8, 110 },
	[C_PLACE] = { "地点", 10, 0 },
	[C_CAT] = { "类别", 8, 0 },
	[C_URG] = { "紧急", 4, 0 },
	[C_STATE] = { "状态", 6, 0 },
	[C_PROP] = { "转为议题", 8, 140 },
	[C_TEXT] = { "反映的事项", 0, 0 },
};
#define DETAIL_ROWS 4

static void widths(int total, int w[C_N])
{
	int used = 0;
	for (int i = 0; i < C_N; i++) {
		w[i] = total >= cols[i].from ? cols[i].w : 0;
		used += w[i] ? w[i] + 1 : 0;
	}
	w[C_TEXT] = total - 2 - used;
	if (w[C_TEXT] < 4)
		w[C_TEXT] = 4;
	/* a wide screen gives the place and the worker more room too */
	if (w[C_TEXT] > 60) {
		w[C_PLACE] += 6;
		w[C_WHO] += 2;
		w[C_TEXT] -= 8;
	}
}

/* the first line of a text, for a list cell, cut at a character */
static void first_line(const char *s, char *buf, size_t len)
{
	size_t n = strcspn(s ? s : "", "\n");

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s ? s : "", n);
	buf[n] = '\0';
}

static void put_cells(int y, int x, const int w[C_N], const char *const cell[C_N], int attr,
                      int state_attr)
{
	for (int i = 0; i < C_N; i++) {
		if (w[i] <= 0)
			continue;
		ui_put(y, x, w[i], cell[i], TEXT_ELLIPSIS, i == C_STATE ? state_attr : attr);
		x += w[i] + 1;
	}
}

static void status_line(struct ui *u, int y)
{
	struct strbuf sb = { 0 };
	const struct diary_counts *c = &Y.counts;

	sb_addf(&sb, "共 %d 条：待答复 %d（其中逾期 %d），已答复 %d", c->total, c->open, c->overdue,
	        c->answered);
	sb_addf(&sb, "；显示：%s", diary_filter_names[Y.state]);
	if (Y.grid[0])
		sb_addf(&sb, "，%s", Y.grid);
	if (Y.category[0])
		sb_addf(&sb, "，类别 %s", Y.category);
	ui_put(y, 1, u->cols - 2, sb.s, TEXT_ELLIPSIS, c->overdue ? UA_WARN : UA_NORMAL);
	sb_free(&sb);
}

/* the selected entry in full at the foot of the list */
static void detail(struct ui *u, int y, const struct diary *d)
{
	char due[11] = "";
	int st = diary_state(d->raised_on, d->urgency, d->replied_on, Y.today);
	struct strbuf sb = { 0 };

	diary_due_date(d->raised_on, d->urgency, due);
	sb_addf(&sb, "%s  %s  %s", d->number, d->raised_on, d->resident_name);
	if (d->phone[0])
		sb_addf(&sb, "（%s）", d->phone);
	sb_addf(&sb, "反映，%s记录", d->worker_name);
	if (d->grid[0] || d->place[0])
		sb_addf(&sb, "  %s %s", d->grid, d->place);
	ui_put(y, 1, u->cols - 2, sb.s, TEXT_ELLIPSIS, UA_HEAD);
	sb_free(&sb);
	ui_put_wrap(y + 1, 1, u->cols - 2, 2, d->content, UA_NORMAL);
	char link[64] = "，按 p 转为议题";
	if (d->proposal_number[0])
		snprintf(link, sizeof link, "；已转为议题 %s", d->proposal_number);
	if (st == DS_ANSWERED)
		ui_putf(y + 3, 1, u->cols - 2, TEXT_ELLIPSIS, UA_OK, "%s%s%s 答复：%s",
		        d->proposal_number[0] ? link + strlen("；") : "", d->proposal_number[0] ? "；" : "",
		        d->replied_on, d->reply);
	else
		ui_putf(y + 3, 1, u->cols - 2, TEXT_ELLIPSIS, st == DS_OVERDUE ? UA_WARN : UA_DIM,
		        "%s：应在 %s 前答复（%s %d 天）%s。按 r 记录答复", diary_state_name(st), due,
		        urgency_name(d->urgency), urgency_table[d->urgency % URG_COUNT].due_days, link);
}

static void dy_draw(struct ui *u, int top, int bottom)
{
	int w[C_N];
	const char *head[C_N];

	if (!Y.today[0])
		ys_today(Y.today);
	pages_fit(u, &Y.pg, bottom - top - 3 - DETAIL_ROWS);
	widths(u->cols, w);
	status_line(u, top);
	for (int i = 0; i < C_N; i++)
		head[i] = cols[i].title;
	ui_fill(top + 1, 0, u->cols, UA_HEAD);
	put_cells(top + 1, 2, w, head, UA_HEAD, UA_HEAD);
	for (int i = 0; i < Y.pg.n && i < Y.pg.vis; i++) {
		const struct diary *d = &Y.rows[i];
		int sel = i == Y.pg.cur, st = diary_state(d->raised_on, d->urgency, d->replied_on, Y.today);
		int attr = sel ? UA_SEL : UA_NORMAL;
		int sattr = sel ? UA_SEL : st == DS_OVERDUE ? UA_WARN : st == DS_ANSWERED ? UA_OK : UA_NORMAL;
		char text[256], place[128];
		/* the grid is in its own column on a wide screen, else in the
		 * detail below: the place says more in a narrow column */
		snprintf(place, sizeof place, "%s", d->place[0] || w[C_GRID] ? d->place : d->grid);
		first_line(d->content, text, sizeof text);
		const char *cell[C_N] = {
			[C_DATE] = d->raised_on + 5, [C_NO] = d->number, [C_WHO] = d->resident_name,
			[C_GRID] = d->grid, [C_PLACE] = place, [C_CAT] = d->category,
			[C_URG] = urgency_name(d->urgency), [C_STATE] = diary_state_name(st),
			[C_PROP] = d->proposal_number,
			[C_TEXT] = text,
		};
		int y = top + 2 + i;
		if (sel)
			ui_fill(y, 0, u->cols, UA_SEL);
		else if (st == DS_OVERDUE)
			attr = UA_WARN;
		ui_put(y, 0, 2, sel ? "▸" : "", 0, attr);
		put_cells(y, 2, w, cell, attr, sattr);
	}
	int y = bottom - DETAIL_ROWS - 1;
	ui_hline(y, 0, u->cols, UA_DIM);
	const struct diary *d = dy_selected();
	if (!d) {
		ui_put(top + 3, 2, u->cols - 4, Y.counts.total == 0 && !Y.pg.depth
		       ? "民情日记是空的。按 n 记下一条居民反映的事（可补录以前的日期）。"
		       : "没有符合筛选条件的民情日记。按 f 更改筛选。", TEXT_ELLIPSIS, UA_WARN);
		ui_put(y + 1, 1, u->cols - 2, "网格员、社区工作者走访听到的诉求：记下来、办理、答复居民，"
		       "需要集体决定的转为议题（四议两公开）。", TEXT_ELLIPSIS, UA_DIM);
		return;
	}
	detail(u, y + 1, d);
}

/* ---- filters --------------------------------------------------------------- */

/* one chooser: the state, a grid, a category */
static void dy_filter(struct ui *u)
{
	char grids[16][64], cats[24][64];
	const char *items[64];
	int kind[64], idx[64], n = 0, sel = Y.state;
	int ng = store_diary_grids(u->st, grids, 16);
	int nc = store_diary_categories(u->st, cats, 24);
	char labels[64][96];

	for (int i = 0; i < DF_COUNT; i++) {
		snprintf(labels[n], sizeof labels[n], "状态：%s", diary_filter_names[i]);
		kind[n] = 0, idx[n] = i, n++;
	}
	snprintf(labels[n], sizeof labels[n], "网格：全部网格");
	kind[n] = 1, idx[n] = -1, n++;
	for (int i = 0; i < ng && n < 40; i++) {
		snprintf(labels[n], sizeof labels[n], "网格：%.63s", grids[i]);
		if (strcmp(Y.grid, grids[i]) == 0)
			sel = n;
		kind[n] = 1, idx[n] = i, n++;
	}
	snprintf(labels[n], sizeof labels[n], "类别：全部类别");
	kind[n] = 2, idx[n] = -1, n++;
	for (int i = 0; i < nc && n < 64; i++) {
		snprintf(labels[n], sizeof labels[n], "类别：%.63s", cats[i]);
		if (strcmp(Y.category, cats[i]) == 0 && !Y.grid[0])
			sel = n;
		kind[n] = 2, idx[n] = i, n++;
	}
	for (int i = 0; i < n; i++)
		items[i] = labels[i];
	if (!ui_choose(u, "筛选民情日记：状态、网格或类别（各选一项，可叠加）", items, n, &sel))
		return;
	if (kind[sel] == 0)
		Y.state = idx[sel];
	else if (kind[sel] == 1)
		ys_strlcpy(Y.grid, idx[sel] < 0 ? "" : grids[idx[sel]], sizeof Y.grid);
	else
		ys_strlcpy(Y.category, idx[sel] < 0 ? "" : cats[idx[sel]], sizeof Y.category);
	pages_reset(&Y.pg);
	pages_load(u, &Y.pg);
}

/* ---- actions --------------------------------------------------------------- */

static void dy_delete(struct ui *u, const struct diary *d)
{
	char q[512], err[512], number[24];

	if (d->proposal_number[0]) {
		ui_error(u, "民情日记 %s 已转为议题 %s，不能删除。", d->number, d->proposal_number);
		return;
	}
	snprintf(q, sizeof q, "删除民情日记 %s（%s %s 反映）？只用于误录的记录，删除记入修改记录。",
	         d->number, d->raised_on, d->resident_name);
	if (!ui_confirm(u, q))
		return;
	snprintf(number, sizeof number, "%s", d->number);
	if (ops_diary_delete(u->st, d->id, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	ui_message(u, UA_OK, "已删除民情日记 %s。", number);
	pages_load(u, &Y.pg);
}

/* show the entry numbered `number` (after a save): the first page, the
 * row selected when it is on it */
static void dy_show(struct ui *u, const char *number)
{
	pages_load(u, &Y.pg);
	for (int i = 0; i < Y.pg.n; i++)
		if (strcmp(Y.rows[i].number, number) == 0) {
			Y.pg.cur = i;
			return;
		}
}

void ui_diary_show(struct ui *u, const char *diary_id)
{
	struct diary d;

	if (store_diary_get(u->st, diary_id, &d) != 0) {
		ui_error(u, "找不到这条民情日记。");
		return;
	}
	/* every entry, from the top: the one sought is found by paging down */
	Y.state = DF_ALL;
	Y.grid[0] = Y.category[0] = '\0';
	ui_goto(u, SCR_DIARY);
	pages_reset(&Y.pg);
	if (Y.pg.vis <= 0)
		Y.pg.vis = 10;
	pages_load(u, &Y.pg);
	for (int guard = 0; guard < PAGE_DEPTH; guard++) {
		int found = -1;
		for (int i = 0; i < Y.pg.n; i++)
			if (strcmp(Y.rows[i].id, d.id) == 0)
				found = i;
		if (found >= 0) {
			Y.pg.cur = found;
			break;
		}
		int before = Y.pg.depth;
		Y.pg.cur = Y.pg.n ? Y.pg.n - 1 : 0;
		pages_move(u, &Y.pg, K_PGDN);
		if (Y.pg.depth == before)
			break;
	}
	ui_message(u, UA_OK, "民情日记 %s：%s %s 反映。", d.number, d.raised_on, d.resident_name);
	diary_clear(&d);
}

static void dy_action(struct ui *u, int a)
{
	struct diary *d = dy_selected();
	char number[24];

	switch (a) {
	case K_UP: case K_DOWN: case K_PGUP: case K_PGDN: case K_HOME:
		pages_move(u, &Y.pg, a);
		return;
	case K_NEW:
		if (ui_diary_form(u, NULL, number))
			dy_show(u, number);
		return;
	case K_FILTER:
		dy_filter(u);
		return;
	case K_EXPORT:
		ui_export_diary(u);
		return;
	}
	if (!d) {
		ui_message(u, UA_WARN, "没有选中的民情日记。按 n 新增。");
		return;
	}
	snprintf(number, sizeof number, "%s", d->number);
	switch (a) {
	case K_OPEN:
		ui_diary_detail(u, d->id);
		break;
	case K_EDIT:
		if (ui_diary_form(u, d, number))
			dy_show(u, number);
		break;
	case K_REPLY:
		if (ui_diary_reply(u, d))
			dy_show(u, number);
		break;
	case K_TO_PROPOSAL:
		if (d->proposal_number[0]) {
			ui_error(u, "民情日记 %s 已转为议题 %s（在议题看板上查看）。", d->number,
			         d->proposal_number);
			break;
		}
		if (ui_proposal_from_diary(u, d->id))
			dy_show(u, number);
		break;
	case K_HISTORY:
		ui_preview_changes(u, "diary", d->id);
		break;
	case K_DELETE:
		dy_delete(u, d);
		break;
	}
}

static int dy_key_ok(struct ui *u, int a)
{
	const struct diary *d = dy_selected();
	(void)u;
	switch (a) {
	case K_OPEN: case K_EDIT: case K_HISTORY:
		return d != NULL;
	case K_REPLY:
		return d && !d->replied_on[0];
	case K_TO_PROPOSAL:
		return d && !d->proposal_number[0];
	case K_DELETE:
		return d && !d->proposal_number[0];
	}
	return 1;
}

const struct screen_def screen_diary = {
	.id = SCR_DIARY, .title = "民情日记", .enter = dy_enter, .draw = dy_draw, .action = dy_action,
	.key_ok = dy_key_ok,
};
