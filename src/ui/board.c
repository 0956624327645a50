/* ui_board.c: the board of proposals by step, and a proposal's dossier. */
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

/* what the clerk does next, per step: shown under the board */
static const char *const next_step_hint[STEP_MAX + 1] = {
	[STEP_PROPOSE] = "下一步：两委联席会议商议。在「2 会议」按 n 新建会议，类型选「两委联席会议」。",
	[STEP_CONSULT] = "下一步：党员大会审议。在「2 会议」按 n 新建会议，类型选「党员大会」。",
	[STEP_REVIEW] = "下一步：居民会议或居民代表会议决议。在「2 会议」新建会议。",
	[STEP_RESOLVE] = "下一步：决议公开。按 a 推进。",
	[STEP_PUBLISH] = "下一步：组织实施。按 a 推进。",
	[STEP_IMPLEMENT] = "下一步：实施结果公开。按 a 推进。",
	[STEP_RESULT] = "下一步：归档。按 a 推进。",
	[STEP_ARCHIVE] = "已归档。",
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
	B.count[c] = store_proposal_count(u->st, step);
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
	struct tm now;
	char today[11];
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	B.noverdue = store_impl_overdue(u->st, today, B.overdue, 64);
	if (B.noverdue < 0)
		B.noverdue = 0;
	for (int c = 0; c < ncols(); c++)
		load_col(u, c);
}

static void board_enter(struct ui *u)
{
	board_load(u);
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
		ui_put(y + 1, 1, u->cols - 2, B.page == 0 && B.col == 0
		       ? "还没有议题。按 n 登记新议题；按 Tab 查看公开、实施、归档和终止的议题。"
		       : "本栏没有议题。←→ 换栏，Tab 换页。", TEXT_ELLIPSIS, UA_DIM);
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
		ui_put(y + 2, 1, u->cols - 2, next_step_hint[p->step], TEXT_ELLIPSIS, UA_OK);
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

static void implement(struct ui *u, const struct proposal *p);

static void advance(struct ui *u, const char *pid)
{
	struct proposal p;
	char err[512];
	memset(&p, 0, sizeof p);
	if (store_proposal_get(u->st, pid, &p) != 0)
		return;
	int from = p.step;
	char q[512];
	struct notice n;
	memset(&n, 0, sizeof n);
	if (p.status != PST_ACTIVE || from < STEP_RESOLVE || from >= STEP_ARCHIVE) {
		ui_error(u, "%s 在「%s」%s：推进只用于已决议的议题（决议公开、实施、结果公开、归档）。",
		         p.number, step_long_name(from), p.status == PST_ACTIVE ? "" : "且已终止");
	} else if (from == STEP_RESOLVE || from == STEP_IMPLEMENT) {
		/* the notice is written from the record; the clerk sees it at once */
		int kind = from == STEP_RESOLVE ? NK_DECISION : NK_RESULT;
		snprintf(q, sizeof q, "生成%s的公示并张贴（公示期按设置，默认 7 天）？",
		         kind == NK_DECISION ? "决议公开" : "实施结果公开");
		if (ui_confirm(u, q)) {
			if (ops_notice_new(u->st, pid, kind, 0, &n, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else {
				ui_message(u, UA_OK, "已生成公示 %s「%s」，公示期 %s 至 %s。", n.doc_no, n.title,
				           n.start_date, n.end_date);
				ui_preview_notice(u, n.id, 0);
			}
		}
	} else if (from == STEP_PUBLISH) {
		implement(u, &p);
	} else {
		snprintf(q, sizeof q, "把 %s %s 归档？", p.number, p.title);
		if (ui_confirm(u, q)) {
			if (ops_proposal_advance(u->st, pid, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else
				ui_message(u, UA_OK, "%s 已归档。", p.number);
		}
	}
	notice_clear(&n);
	proposal_clear(&p);
}

/* 实施: who is responsible, by when */
struct impl_arg { const char *pid; };

static int implement_submit(struct ui *u, struct form *fm, void *arg)
{
	struct impl_arg *ia = arg;
	char err[512];
	char *who = fm->f[0].npeople ? xstrdup(fm->f[0].people[0].name) : xstrdup("");
	char *when = form_get_text(fm, 1);
	int rc = ops_implement(u->st, ia->pid, who, when, err, sizeof err);
	if (rc != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else
		ui_message(u, UA_OK, "已进入实施：责任人 %s，时限 %s。按 r 记录进展。", who, when);
	free(who);
	free(when);
	return rc;
}

static void implement(struct ui *u, const struct proposal *p)
{
	struct field f[] = {
		{ .label = "责任人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		  .hint = "Enter 从花名册选择，或输入姓名、单位" },
		{ .label = "时限", .type = FT_DATE, .required = 1, .maxchars = 10, .hint = "年-月-日，如 2026-12-31" },
	};
	struct impl_arg ia = { p->id };
	char title[320];
	snprintf(title, sizeof title, "组织实施：%s %s", p->number, p->title);
	struct form fm = { .title = title, .f = f, .n = 2, .submit = implement_submit, .arg = &ia };
	form_init(&fm);
	/* start from what the deciding meeting wrote (责任人, 时限) */
	struct impl im;
	char err[512];
	if (ops_impl_defaults(u->st, p->id, &im, err, sizeof err) == 0) {
		if (im.responsible[0]) {
			ys_strlcpy(f[0].people[0].name, im.responsible, sizeof f[0].people[0].name);
			f[0].npeople = 1;
		}
		form_set_text(&fm, 1, im.deadline);
	}
	form_run(u, &fm);
	form_free(&fm);
}

static void progress(struct ui *u, const char *pid)
{
	char *text = NULL, err[512];
	if (!ui_prompt_text(u, "实施进展（^S 保存）", NULL, &text))
		return;
	ys_trim(text);
	if (ops_progress(u->st, pid, text, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已记录实施进展。");
	free(text);
}

/* the proposal's notices: the result notice first if there is one */
static void preview_notices(struct ui *u, const char *pid)
{
	struct notice n[2];
	const char *labels[2];
	int k = 0;
	memset(n, 0, sizeof n);
	if (store_notice_for(u->st, pid, NK_DECISION, &n[k]) == 0)
		labels[k++] = "决议公开的公示";
	if (store_notice_for(u->st, pid, NK_RESULT, &n[k]) == 0)
		labels[k++] = "实施结果公开的公示";
	int sel = k - 1;
	if (k == 0)
		ui_error(u, "本议题还没有公示：决议后在看板上按 a 生成。");
	else if (k == 1 || ui_choose(u, "预览哪一份公示", labels, k, &sel))
		ui_preview_notice(u, n[sel].id, 0);
	for (int i = 0; i < k; i++)
		notice_clear(&n[i]);
}

static void withdraw(struct ui *u, const char *pid, const char *number)
{
	char *reason = NULL, err[512], title[128];
	snprintf(title, sizeof title, "撤回议题 %s", number);
	if (!ui_prompt_required(u, title, "撤回理由（必填，写入档案）：", NULL, 200, &reason))
		return;
	if (ops_proposal_withdraw(u->st, pid, reason, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "%s 已撤回。", number);
	free(reason);
}

int ui_proposal_new(struct ui *u);   /* ui_proposal.c */

/* 检索: results of a search, newest first, a page at a time (keyset on the
 * number; a stack of page starts to go back).  Returns 1 with the chosen
 * proposal's id in u->proposal_id. */
#define SR_PAGES 512
static int search_results(struct ui *u, const char *q)
{
	static char starts[SR_PAGES][16];
	struct proposal rows[ROW_MAX];
	int depth = 0, cur = 0, n = 0, chosen = 0;
	starts[0][0] = '\0';
	for (;;) {
		ui_draw_frame(u);
		int h = u->rows - 3, w = u->cols;      /* over the whole body */
		int y0 = 2, x0 = 0, vis = h - 3;
		if (vis > ROW_MAX)
			vis = ROW_MAX;
		if (vis < 1)
			vis = 1;
		for (int i = 0; i < n; i++)
			proposal_clear(&rows[i]);
		n = store_proposal_search(u->st, q, starts[depth], rows, vis);
		if (n < 0) {
			ui_error(u, "%s", store_errmsg(u->st));
			return 0;
		}
		if (cur >= n)
			cur = n ? n - 1 : 0;
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " 检索「%s」%s", q,
		        depth ? "（续）" : "");
		for (int i = 1; i < h; i++)
			ui_fill(y0 + i, x0, w, UA_NORMAL);
		const int widths[] = { 9, 12, 60 };
		for (int i = 0; i < n; i++) {
			char st[64];
			if (rows[i].status == PST_ACTIVE)
				snprintf(st, sizeof st, "%s", step_long_name(rows[i].step));
			else
				snprintf(st, sizeof st, "%s", pstatus_name(rows[i].status));
			const char *cells[] = { rows[i].number, st, rows[i].title };
			int attr = i == cur ? UA_SEL : UA_NORMAL;
			ui_put(y0 + 1 + i, x0, 1, i == cur ? "▸" : " ", 0, attr);
			ui_row(y0 + 1 + i, x0 + 1, w - 1, attr, cells, widths, 3);
		}
		if (n == 0)
			ui_put(y0 + 2, x0 + 2, w - 4, depth ? "没有更多结果。" : "没有找到。检索标题和内容中的字词，如「电梯」。",
			       TEXT_ELLIPSIS, UA_DIM);
		ui_put(y0 + h - 1, x0, w, " ↑↓ 选择  PgDn/PgUp 翻页  Enter 打开档案  Esc 返回", TEXT_ELLIPSIS, UA_TAB);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27 || k == 'q')
			break;
		if (ui_is_enter(k) && n > 0) {
			snprintf(u->proposal_id, sizeof u->proposal_id, "%s", rows[cur].id);
			chosen = 1;
			break;
		}
		if (k == KC(KEY_UP) && cur > 0)
			cur--;
		else if (k == KC(KEY_DOWN) && cur < n - 1)
			cur++;
		else if ((k == KC(KEY_NPAGE) || (k == KC(KEY_DOWN) && cur == n - 1))
		         && n == vis && depth < SR_PAGES - 1) {
			ys_strlcpy(starts[depth + 1], rows[n - 1].number, sizeof starts[0]);
			depth++;
			cur = 0;
		} else if ((k == KC(KEY_PPAGE) || k == KC(KEY_UP)) && depth > 0) {
			depth--;
			cur = k == KC(KEY_UP) ? vis - 1 : 0;
		}
	}
	for (int i = 0; i < n; i++)
		proposal_clear(&rows[i]);
	return chosen;
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
		if (p)
			advance(u, p->id);
		board_load(u);
		break;
	case K_PROGRESS:
		if (p)
			progress(u, p->id);
		break;
	case K_EXPORT:
		ui_export_decisions(u);
		break;
	case K_PREVIEW:
		if (p)
			preview_notices(u, p->id);
		break;
	case K_SEARCH: {
		char *q = NULL;
		if (ui_prompt(u, "检索议题", "标题或内容中的字词（如：电梯、停车）：", NULL, 30, &q) && q[0]
		    && search_results(u, q))
			ui_goto(u, SCR_DOSSIER);
		free(q);
		break;
	}
	case K_WITHDRAW:
		if (p) {
			char id[ID_LEN], num[16];
			snprintf(id, sizeof id, "%s", p->id);
			snprintf(num, sizeof num, "%s", p->number);
			withdraw(u, id, num);
		}
		board_load(u);
		break;
	}
}

const struct screen_def screen_board = {
	.id = SCR_BOARD, .title = "议题", .enter = board_enter, .draw = board_draw, .action = board_action,
};

/* ---- the dossier --------------------------------------------------------- */
static struct {
	struct strbuf text;         /* lines separated by '\n', already wrapped */
	int nlines;
	int top;
	int width;                  /* wrapped for this width */
	int step, status;
	char number[16];
} D;

struct wrap_ctx { struct strbuf *sb; int *n; const char *indent; };

static void wrap_cb(const char *line, size_t nbytes, void *arg)
{
	struct wrap_ctx *w = arg;
	sb_add(w->sb, w->indent);
	sb_addn(w->sb, line, nbytes);
	sb_add(w->sb, "\n");
	(*w->n)++;
}

/* add text wrapped at width with an indent (the indent is ASCII spaces) */
static void add_wrapped(const char *indent, const char *s, int width)
{
	struct wrap_ctx w = { &D.text, &D.nlines, indent };
	int iw = (int)strlen(indent);
	text_wrap(s && *s ? s : " ", width - iw > 4 ? width - iw : 4, wrap_cb, &w);
}

static void add_linef(int width, const char *indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add_linef(int width, const char *indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	add_wrapped(indent, s, width);
	free(s);
}

static void dossier_build(struct ui *u, int width)
{
	struct proposal p;
	memset(&p, 0, sizeof p);
	sb_free(&D.text);
	sb_add(&D.text, "");
	D.nlines = 0;
	D.width = width;
	if (store_proposal_get(u->st, u->proposal_id, &p) != 0) {
		add_wrapped("", "找不到这个议题。", width);
		return;
	}
	D.step = p.step;
	D.status = p.status;
	snprintf(D.number, sizeof D.number, "%s", p.number);

	struct proposer pp[16];
	int npp = store_proposal_proposers(u->st, p.id, pp, 16);
	struct strbuf who = { 0 };
	sb_add(&who, "");
	for (int i = 0; i < npp; i++)
		sb_addf(&who, "%s%s", i ? "、" : "", pp[i].name);

	add_linef(width, "", "【%s】%s", p.number, p.title);
	add_linef(width, "", "当前：%s%s    登记：%s", step_long_name(p.step),
	          p.status == PST_REJECTED ? "（不予采纳，已终止）" : p.status == PST_WITHDRAWN ? "（已撤回）"
	          : p.step == STEP_ARCHIVE ? "（已完成）" : "（进行中）",
	          p.created_at);
	add_linef(width, "", "提议人：%s", who.s);
	add_linef(width, "", "来源：%s    类别：%s    网格：%s %s", p.source[0] ? p.source : "—",
	          p.category[0] ? p.category : "—", p.grid[0] ? p.grid : "—", p.building);
	if (p.status == PST_ACTIVE)
		add_wrapped("", next_step_hint[p.step], width);
	sb_free(&who);
	add_wrapped("", "", width);
	add_wrapped("", "内容", width);
	add_wrapped("  ", p.content, width);
	add_wrapped("", "", width);
	add_wrapped("", "流程", width);

	int total = 0;
	struct pevent ev[64];
	int nev = store_proposal_events(u->st, p.id, ev, 64, &total);
	for (int i = 0; i < nev; i++) {
		struct pevent *e = &ev[i];
		char day[11];
		snprintf(day, sizeof day, "%.10s", e->meeting_date[0] ? e->meeting_date : e->at);
		if (e->meeting_id[0]) {
			const struct meeting_kind_def *k = meeting_kind_get(e->meeting_kind);
			add_linef(width, "  ", "%s  %s：%s → %s    %s %s（%s）", day, action_name(e->action),
			          step_name(e->from_step), step_name(e->to_step), k ? k->name : "会议",
			          e->meeting_number, e->meeting_title);
		} else {
			add_linef(width, "  ", "%s  %s：%s → %s", day, action_name(e->action),
			          e->from_step ? step_name(e->from_step) : "—", step_name(e->to_step));
		}
		/* every round of the item's votes: a recount never hides the first */
		struct vote v[8];
		int nv = e->agenda_id[0] ? store_vote_list(u->st, e->agenda_id, v, 8) : 0;
		for (int j = 0; j < nv; j++) {
			char round[32] = "";
			if (nv > 1)
				snprintf(round, sizeof round, "第 %d 轮：", v[j].round);
			add_linef(width, "      ", "%s应到 %d 人，实到 %d 人；%s：赞成 %d，反对 %d，弃权 %d，未表决 %d。",
			          round, v[j].t.entitled, v[j].t.present, vote_method_name(v[j].method),
			          v[j].t.yes, v[j].t.no, v[j].t.abstain, tally_not_voted(&v[j].t));
			add_linef(width, "      ", "%s（%s）", v[j].sentence, v[j].rule.name);
			if (v[j].reason[0])
				add_linef(width, "      ", "再次表决的理由：%s", v[j].reason);
		}
		if (nv <= 0 && e->meeting_id[0]) {
			struct attendance_counts c;
			if (store_attendance_counts(u->st, e->meeting_id, &c) == 0)
				add_linef(width, "      ", "应到 %d 人，实到 %d 人。", c.entitled, c.present);
		}
		if (e->reason && e->reason[0])
			add_linef(width, "      ", "理由：%s", e->reason);
		pevent_clear(e);
	}
	if (total > nev)
		add_linef(width, "  ", "（另有 %d 条更早的记录）", total - nev);

	struct impl im;
	if (store_impl_get(u->st, p.id, &im) == 0) {
		add_wrapped("", "", width);
		add_wrapped("", "实施", width);
		add_linef(width, "  ", "责任人：%s    时限：%s%s", im.responsible, im.deadline,
		          p.step == STEP_IMPLEMENT && is_overdue(p.id) ? "（已逾期）" : "");
		struct progress pr[32];
		int npr = store_progress_list(u->st, p.id, pr, 32);
		for (int i = 0; i < npr; i++) {
			add_linef(width, "  ", "%s  %s", pr[i].at, pr[i].text ? pr[i].text : "");
			progress_clear(&pr[i]);
		}
		if (npr <= 0)
			add_wrapped("  ", "还没有实施进展。按 r 记录。", width);
	}
	static const int kinds[] = { NK_DECISION, NK_RESULT };
	int header = 0;
	for (size_t i = 0; i < YS_ARRAY_LEN(kinds); i++) {
		struct notice n;
		memset(&n, 0, sizeof n);
		if (store_notice_for(u->st, p.id, kinds[i], &n) != 0)
			continue;
		if (!header++) {
			add_wrapped("", "", width);
			add_wrapped("", "公示", width);
		}
		add_linef(width, "  ", "%s %s  公示期 %s 至 %s（按 p 预览、导出、打印）", n.doc_no, n.title,
		          n.start_date, n.end_date);
		notice_clear(&n);
	}
	proposal_clear(&p);
}

static void dossier_enter(struct ui *u)
{
	D.top = 0;
	dossier_build(u, u->cols - 2);
}

static void dossier_draw(struct ui *u, int top, int bottom)
{
	if (D.width != u->cols - 2)
		dossier_build(u, u->cols - 2);
	int h = bottom - top - 1;     /* the last row tells where we are */
	if (D.top > D.nlines - h)
		D.top = D.nlines - h > 0 ? D.nlines - h : 0;
	const char *s = D.text.s ? D.text.s : "";
	int line = 0, y = top;
	while (*s && y < top + h) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (line >= D.top) {
			char *l = xasprintf("%.*s", (int)n, s);
			int attr = UA_NORMAL;
			if (line == 0)
				attr = UA_HEAD;
			else if (strcmp(l, "内容") == 0 || strcmp(l, "流程") == 0 || strcmp(l, "实施") == 0
			         || strcmp(l, "公示") == 0)
				attr = UA_HEAD;
			ui_put(y++, 1, u->cols - 2, l, TEXT_ELLIPSIS, attr);
			free(l);
		}
		line++;
		s = e ? e + 1 : s + n;
	}
	if (D.nlines > h)
		ui_putf(bottom - 1, 1, u->cols - 2, TEXT_RIGHT, UA_DIM, "↑↓ PgUp PgDn 翻看  第 %d-%d 行，共 %d 行",
		        D.top + 1, D.top + h < D.nlines ? D.top + h : D.nlines, D.nlines);
}

static void dossier_action(struct ui *u, int a)
{
	int h = u->rows - 5;
	switch (a) {
	case K_BACK: ui_goto(u, u->prev_screen); break;
	case K_UP: if (D.top > 0) D.top--; break;
	case K_DOWN: if (D.top < D.nlines - h) D.top++; break;
	case K_PGUP: D.top = D.top > h ? D.top - h : 0; break;
	case K_PGDN: D.top += h; break;
	case K_HOME: D.top = 0; break;
	case K_END: D.top = D.nlines; break;
	case K_ADVANCE:
		advance(u, u->proposal_id);
		dossier_build(u, u->cols - 2);
		break;
	case K_WITHDRAW:
		withdraw(u, u->proposal_id, D.number);
		dossier_build(u, u->cols - 2);
		break;
	case K_PROGRESS:
		progress(u, u->proposal_id);
		dossier_build(u, u->cols - 2);
		break;
	case K_PREVIEW:
		preview_notices(u, u->proposal_id);
		break;
	}
}

const struct screen_def screen_dossier = {
	.id = SCR_DOSSIER, .title = NULL, .enter = dossier_enter, .draw = dossier_draw, .action = dossier_action,
};
