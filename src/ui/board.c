/* board.c: the board of proposals by step (two pages of columns), and the
 * search over every proposal. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "ops/ops.h"
#include "base/text.h"
#include "base/util.h"

#define COL_MAX 5
#define ROW_MAX 64

/* the two pages of columns: the four deliberation steps, then what follows
 * them; step 0 is the column of proposals that left the procedure */
static const int page_steps[2][COL_MAX] = {
	{ STEP_PROPOSE, STEP_CONSULT, STEP_REVIEW, STEP_RESOLVE, -1 },
	{ STEP_PUBLISH, STEP_IMPLEMENT, STEP_RESULT, STEP_ARCHIVE, 0 },
};


static struct {
	int page, col;
	int cur[COL_MAX];
	char first[COL_MAX][16];    /* keyset: number before the first visible row */
	struct proposal rows[COL_MAX][ROW_MAX];
	int nrows[COL_MAX];
	int count[COL_MAX];
	int vis;                    /* visible rows, from the last draw */
	char overdue[64][ID_LEN];   /* under implementation past the deadline */
	int noverdue;
	int empty;                  /* no proposal at all, on either page */
} B;

static int is_overdue(const char *id)
{
	for (int i = 0; i < B.noverdue; i++)
		if (strcmp(B.overdue[i], id) == 0)
			return 1;
	return 0;
}

static int ncols(void)
{
	return page_steps[B.page][COL_MAX - 1] >= 0 ? COL_MAX : COL_MAX - 1;
}

static void load_col(struct ui *u, int c)
{
	int step = page_steps[B.page][c];
	int vis = B.vis > 0 && B.vis < ROW_MAX ? B.vis : ROW_MAX;
	B.nrows[c] = store_proposal_page(u->st, step, B.first[c], 1, B.rows[c], vis);
	if (B.nrows[c] < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		B.nrows[c] = 0;
	}
	/* the keyset start may have gone past the end after a change */
	if (B.nrows[c] == 0 && B.first[c][0]) {
		B.first[c][0] = '\0';
		B.nrows[c] = store_proposal_page(u->st, step, "", 1, B.rows[c], vis);
		if (B.nrows[c] < 0)
			B.nrows[c] = 0;
	}
	if (B.cur[c] >= B.nrows[c])
		B.cur[c] = B.nrows[c] ? B.nrows[c] - 1 : 0;
}

static void board_load(struct ui *u)
{
	char today[11];
	ys_today(today);
	B.noverdue = store_impl_overdue(u->st, today, B.overdue, 64);
	if (B.noverdue < 0)
		B.noverdue = 0;
	/* the counts in the column heads: read with the board, not at every
	 * move within a column */
	B.empty = 1;
	for (int c = 0; c < ncols(); c++) {
		B.count[c] = store_proposal_count(u->st, page_steps[B.page][c]);
		B.empty &= B.count[c] <= 0;
	}
	/* an empty page: is there any proposal on the other one? (read with
	 * the board, for the words under it, not at every draw) */
	for (int c = 0; B.empty && c < COL_MAX; c++)
		B.empty = page_steps[!B.page][c] < 0 ||
		          store_proposal_count(u->st, page_steps[!B.page][c]) <= 0;
	for (int c = 0; c < ncols(); c++)
		load_col(u, c);
}

static void board_enter(struct ui *u)
{
	(void)u;
	/* read at the first draw, when the rows that fit are known */
	B.vis = 0;
}

static const struct proposal *selected(void)
{
	int c = B.col;
	if (B.nrows[c] == 0)
		return NULL;
	return &B.rows[c][B.cur[c]];
}

/* column titles: short enough for five columns at 80×24 */
static const char *col_title(int step)
{
	static const char *const t[STEP_MAX + 1] = {
		"终止", "提议", "商议", "审议", "决议", "决议公开", "实施", "结果公开", "归档",
	};
	return step >= 0 && step <= STEP_MAX ? t[step] : "?";
}

static void board_draw(struct ui *u, int top, int bottom)
{
	int n = ncols();
	int colw = u->cols / n;
	/* narrow columns show each proposal on two lines: number, then title */
	int per = colw < 34 ? 2 : 1;
	int vis = (bottom - top - 5) / per;
	if (vis < 1)
		vis = 1;
	if (vis > ROW_MAX)
		vis = ROW_MAX;
	if (vis != B.vis) {
		B.vis = vis;
		board_load(u);
	}
	for (int c = 0; c < n; c++) {
		int x = c * colw, w = (c == n - 1 ? u->cols - x : colw) - 1;
		int step = page_steps[B.page][c];
		char head[64];
		snprintf(head, sizeof head, " %s (%d)", col_title(step), B.count[c]);
		ui_put(top, x, w, head, TEXT_ELLIPSIS, c == B.col ? UA_TAB_ON : UA_HEAD);
		for (int i = 0; i < B.vis && i < B.nrows[c]; i++) {
			const struct proposal *p = &B.rows[c][i];
			int sel = c == B.col && i == B.cur[c];
			int late = step == STEP_IMPLEMENT && is_overdue(p->id);
			int attr = sel ? UA_SEL : late ? UA_ERR : UA_NORMAL;
			int y = top + 1 + i * per;
			if (per == 2) {
				ui_putf(y, x, w, TEXT_ELLIPSIS, attr, "%s%s %s", sel ? "▸" : " ", p->number,
				        late ? "已逾期" : p->category);
				ui_putf(y + 1, x, w, TEXT_ELLIPSIS, attr, "  %s", p->title);
			} else {
				ui_putf(y, x, w, TEXT_ELLIPSIS, attr, "%s%s %s%s", sel ? "▸" : " ", p->number,
				        late ? "[逾期] " : "", p->title);
			}
		}
		if (B.nrows[c] == 0)
			ui_put(top + 1, x, w, "  （无）", 0, UA_DIM);
		else if (B.count[c] > B.vis)
			ui_putf(top + 1 + B.vis * per, x, w, TEXT_ELLIPSIS, UA_DIM, "  共 %d 项，↑↓ 翻看",
			        B.count[c]);
	}
	/* the selected proposal in full, and what to do next */
	int y = bottom - 3;
	ui_hline(y, 0, u->cols, UA_DIM);
	const struct proposal *p = selected();
	if (!p) {
		ui_put(y + 1, 1, u->cols - 2, B.empty
		       ? "还没有议题。按 n 登记新议题。"
		       : "本栏没有议题。←→ 换栏，Tab 换页（公开、实施、归档和终止的议题在第二页）。",
		       TEXT_ELLIPSIS, UA_DIM);
		return;
	}
	ui_putf(y + 1, 1, u->cols - 2, TEXT_ELLIPSIS, UA_NORMAL, "%s %s  提议人：%s", p->number,
	        p->title, p->proposers[0] ? p->proposers : "—");
	if (p->status != PST_ACTIVE)
		ui_putf(y + 2, 1, u->cols - 2, TEXT_ELLIPSIS, UA_WARN, "已终止：%s（停在%s）。按 Enter 查看档案。",
		        pstatus_name(p->status), step_name(p->step));
	else if (p->step == STEP_IMPLEMENT && is_overdue(p->id)) {
		struct impl im;
		if (store_impl_get(u->st, p->id, &im) == 0)
			ui_putf(y + 2, 1, u->cols - 2, TEXT_ELLIPSIS, UA_ERR, "已逾期：时限 %s，责任人 %s。按 r 记录进展，a 公开实施结果。",
			        im.deadline, im.responsible);
	}
	else
		ui_put(y + 2, 1, u->cols - 2, ui_next_step_hint(p->step), TEXT_ELLIPSIS, UA_OK);
}

/* move the cursor in the current column by d rows, paging by keyset */
static void board_move(struct ui *u, int d)
{
	int c = B.col, step = page_steps[B.page][c];
	while (d > 0) {
		if (B.cur[c] < B.nrows[c] - 1) {
			B.cur[c]++;
		} else if (B.nrows[c] == B.vis) {
			struct proposal next[1];
			if (store_proposal_page(u->st, step, B.rows[c][B.nrows[c] - 1].number, 1, next, 1) != 1)
				break;
			ys_strlcpy(B.first[c], B.rows[c][0].number, sizeof B.first[c]);
			load_col(u, c);
			B.cur[c] = B.nrows[c] - 1;
		} else {
			break;
		}
		d--;
	}
	while (d < 0) {
		if (B.cur[c] > 0) {
			B.cur[c]--;
		} else if (B.first[c][0]) {
			struct proposal prev[2];
			int m = store_proposal_page(u->st, step, B.rows[c][0].number, -1, prev, 2);
			if (m <= 0)
				break;
			if (m == 2)
				snprintf(B.first[c], sizeof B.first[c], "%s", prev[0].number);
			else
				B.first[c][0] = '\0';
			load_col(u, c);
			B.cur[c] = 0;
		} else {
			break;
		}
		d++;
	}
}

/* After a step the cursor follows the matter to where it now stands: its
 * page and column, the rows paged on until it is in view. */
static void board_follow(struct ui *u, const char *pid)
{
	struct proposal p;
	int step, pg = -1, col = -1;

	memset(&p, 0, sizeof p);
	if (store_proposal_get(u->st, pid, &p) != 0) {
		board_load(u);
		return;
	}
	step = p.status == PST_ACTIVE ? p.step : 0;
	proposal_clear(&p);
	for (int i = 0; i < 2 && pg < 0; i++)
		for (int c = 0; c < COL_MAX; c++)
			if (page_steps[i][c] == step) {
				pg = i;
				col = c;
				break;
			}
	if (pg < 0) {
		board_load(u);
		return;
	}
	B.page = pg;
	B.col = col;
	B.first[col][0] = '\0';
	board_load(u);
	for (int guard = 0; guard < 100000; guard++) {
		for (int i = 0; i < B.nrows[col]; i++)
			if (strcmp(B.rows[col][i].id, pid) == 0) {
				B.cur[col] = i;
				return;
			}
		if (B.nrows[col] == 0 || B.nrows[col] < B.vis)
			break;
		ys_strlcpy(B.first[col], B.rows[col][B.nrows[col] - 1].number, sizeof B.first[col]);
		load_col(u, col);
	}
	/* not found (changed meanwhile): the column from its start */
	B.first[col][0] = '\0';
	load_col(u, col);
}

static void board_action(struct ui *u, int a)
{
	const struct proposal *p = selected();
	switch (a) {
	case K_LEFT:
		if (B.col > 0)
			B.col--;
		else if (B.page == 1) {
			B.page = 0;
			B.col = 3;
			board_load(u);
		}
		break;
	case K_RIGHT:
		if (B.col < ncols() - 1)
			B.col++;
		else if (B.page == 0) {
			B.page = 1;
			B.col = 0;
			board_load(u);
		}
		break;
	case K_NEXT_PAGE:
		B.page = !B.page;
		B.col = 0;
		board_load(u);
		break;
	case K_UP: board_move(u, -1); break;
	case K_DOWN: board_move(u, 1); break;
	case K_PGUP: board_move(u, -B.vis); break;
	case K_PGDN: board_move(u, B.vis); break;
	case K_HOME:
		B.first[B.col][0] = '\0';
		B.cur[B.col] = 0;
		load_col(u, B.col);
		break;
	case K_END:
		board_move(u, 1000000);
		break;
	case K_OPEN:
		if (p) {
			snprintf(u->proposal_id, sizeof u->proposal_id, "%s", p->id);
			ui_goto(u, SCR_DOSSIER);
		}
		break;
	case K_NEW:
		if (ui_proposal_new(u)) {
			/* show the new proposal where it now stands */
			B.page = 0;
			B.col = 0;
			B.first[0][0] = '\0';
			board_load(u);
			board_move(u, 1000000);
		}
		break;
	case K_ADVANCE:
		if (p) {
			char id[ID_LEN];
			snprintf(id, sizeof id, "%s", p->id);
			ui_advance(u, id);
			board_follow(u, id);
		}
		break;
	case K_PROGRESS:
		if (p)
			ui_progress(u, p->id);
		break;
	case K_EXPORT:
		ui_export_decisions(u);
		break;
	case K_BACKUP:
		ui_backup(u);
		break;
	case K_PREVIEW:
		if (p)
			ui_preview_notices(u, p->id);
		break;
	case K_WITHDRAW:
		if (p) {
			char id[ID_LEN], num[16];
			snprintf(id, sizeof id, "%s", p->id);
			snprintf(num, sizeof num, "%s", p->number);
			ui_withdraw(u, id, num);
			board_follow(u, id);
		}
		break;
	}
}

const struct screen_def screen_board = {
	.id = SCR_BOARD, .title = "议题", .enter = board_enter, .draw = board_draw, .action = board_action,
};
