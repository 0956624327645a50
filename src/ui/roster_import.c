/* roster_import.c: i on the roster — the office's 花名册 (CSV or .xlsx)
 * imported from the screen, as `yishiting import roster` does it: the file
 * read, then a preview to scroll through (how it was read, which column is
 * which field, every line that cannot be taken and why, every repeat of a
 * person already there, the notes), where m changes a column's field, r
 * decides the repeats, Enter imports all of it and Esc imports nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"
#include "in/roster.h"

struct import_view {
	struct roster_import ri;
	struct pager pg;
	int width;               /* the text is made for this width */
	char problem[512];       /* why the mapping cannot work, "" when it can */
};

static void add_lines(struct strbuf *sb, const struct roster_import *ri, const char *problem)
{
	sb_addf(sb, "文件：%s，%s", ri->source, ri->t.format);
	if (ri->header >= 0)
		sb_addf(sb, "，表头在第 %d 行", ri->t.line[ri->header]);
	sb_add(sb, "\n\n各列对应的字段（按 m 修改）：\n");
	for (int c = 0; c < ri->t.cols; c++) {
		const char *h = ri->header >= 0 ? table_cell(&ri->t, ri->header, c) : "";
		sb_addf(sb, "  第 %d 列  %s → %s\n", c + 1, *h ? h : "（无表头）", roster_field_name(ri->map[c]));
	}
	sb_add(sb, "\n");
	if (problem[0]) {
		sb_addf(sb, "%s\n", problem);
		return;
	}
	sb_addf(sb, "共 %d 行：可导入 %d 行，不能导入 %d 行，与已有的人重复 %d 行。\n", ri->n,
	        ri->n - ri->bad, ri->bad, ri->dups);
	if (ri->bad) {
		sb_add(sb, "\n不能导入的行（改好文件后再导入；有这些行时一行也不写入）：\n");
		for (int i = 0; i < ri->n; i++)
			if (ri->lines[i].why[0])
				sb_addf(sb, "  第 %d 行：%s\n", ri->lines[i].line, ri->lines[i].why);
	}
	if (ri->dups) {
		sb_add(sb, "\n与已有的人重复的行（按 r 决定合并、跳过还是仍然新增）：\n");
		for (int i = 0; i < ri->n; i++) {
			const struct roster_line *l = &ri->lines[i];
			if (l->why[0] || !(l->dup_line || l->dup.id[0]))
				continue;
			if (l->dup_line)
				sb_addf(sb, "  第 %d 行 %s：与文件第 %d 行%s", l->line, l->p.name, l->dup_line, l->dup_why);
			else
				sb_addf(sb, "  第 %d 行 %s：与花名册第 %d 号 %s %s", l->line, l->p.name, l->dup.no,
				        l->dup.name, l->dup_why);
			sb_addf(sb, "——%s\n", l->action ? dup_action_name(l->action) : "待定");
		}
	}
	for (int i = 0; i < ri->nwarn; i++)
		sb_addf(sb, "\n注意：%s\n", ri->warn[i]);
}

static void add_wrapped(const char *line, size_t n, void *arg)
{
	struct strbuf *out = arg;

	sb_addn(out, line, n);
	sb_add(out, "\n");
}

/* the preview as lines of the pager's width */
static void view_text(struct import_view *v)
{
	struct strbuf sb = {0}, wrapped = {0};

	add_lines(&sb, &v->ri, v->problem);
	sb_add(&wrapped, "");
	text_wrap(sb.s, v->width > 4 ? v->width : 4, add_wrapped, &wrapped);
	sb_free(&sb);
	pager_set(&v->pg, &wrapped);
	sb_free(&wrapped);
}

static void view_draw(struct ui *u, void *arg)
{
	struct import_view *v = arg;
	int h = u->rows - 3;
	const struct roster_import *ri = &v->ri;

	if (v->width != u->cols - 2) {
		v->width = u->cols - 2;
		view_text(v);
	}
	for (int y = 2; y < h + 1; y++)
		ui_fill(y, 0, u->cols, UA_NORMAL);
	pager_draw(&v->pg, 2, 1, h - 1, u->cols - 2, 0, NULL);
	if (v->problem[0])
		ui_putf(1, 0, u->cols, TEXT_ELLIPSIS, UA_TITLE, " 导入花名册：%s   各列还没有对好", ri->source);
	else
		ui_putf(1, 0, u->cols, TEXT_ELLIPSIS, UA_TITLE, " 导入花名册：%s   可导入 %d 行，不能导入 %d 行，重复 %d 行",
		        ri->source, ri->n - ri->bad, ri->bad, ri->dups);
	ui_draw_message(u);
	ui_put(u->rows - 1, 0, u->cols, " Enter 导入  m 改列的对应  r 重复的行怎么办  ↑↓ 翻看  Esc 取消（不导入）",
	       TEXT_ELLIPSIS, UA_TAB);
}

/* the lines checked again after a change of mapping */
static void recheck(struct ui *u, struct import_view *v)
{
	char err[512];

	v->problem[0] = '\0';
	if (roster_import_check(u->st, &v->ri, err, sizeof err) != 0)
		snprintf(v->problem, sizeof v->problem, "%s", err);
	v->width = -1;
}

/* m: a column, then its field */
static void change_column(struct ui *u, struct import_view *v)
{
	struct roster_import *ri = &v->ri;
	const char *items[TABLE_MAX_COLS], *fields[RO_COUNT];
	char *made[TABLE_MAX_COLS];
	int col = 0, f;

	/* headings it did not know: the first line is the header all the same */
	if (ri->header < 0) {
		roster_import_first_header(ri);
		recheck(u, v);
	}
	for (int c = 0; c < ri->t.cols; c++) {
		const char *h = ri->header >= 0 ? table_cell(&ri->t, ri->header, c) : "";
		made[c] = xasprintf("第 %d 列  %s → %s", c + 1, *h ? h : "（无表头）", roster_field_name(ri->map[c]));
		items[c] = made[c];
	}
	int ok = ri->t.cols > 0 && ui_choose(u, "改哪一列的对应？", items, ri->t.cols, &col);
	for (int c = 0; c < ri->t.cols; c++)
		free(made[c]);
	if (!ok)
		return;
	for (int k = 0; k < RO_COUNT; k++)
		fields[k] = roster_field_name(k);
	f = ri->map[col];
	char title[128];
	snprintf(title, sizeof title, "第 %d 列对应哪个字段？", col + 1);
	if (!ui_choose(u, title, fields, RO_COUNT, &f))
		return;
	char err[256];
	if (roster_import_map(ri, col, f, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	recheck(u, v);
	ui_message(u, UA_OK, "第 %d 列改为：%s。", col + 1, roster_field_name(f));
}

/* r: what to do with every repeat */
static void decide(struct ui *u, struct import_view *v)
{
	static const char *const items[] = {
		"合并：文件中有的内容填入已有的人，身份相加",
		"跳过：这些行不导入",
		"仍然新增：作为新的人导入",
	};
	int sel = 0;

	if (v->problem[0] || v->ri.dups == 0) {
		ui_message(u, UA_WARN, "没有重复的行。");
		return;
	}
	if (!ui_choose(u, "与已有的人重复的行怎么办？", items, 3, &sel))
		return;
	roster_import_decide(&v->ri, DUP_MERGE + sel, 1);
	v->width = -1;
	ui_message(u, UA_OK, "重复的 %d 行：%s。", v->ri.dups, dup_action_name(DUP_MERGE + sel));
}

/* Enter: 1 when imported */
static int apply(struct ui *u, struct import_view *v)
{
	char err[512];
	int added, merged, skipped;

	if (v->problem[0]) {
		ui_message(u, UA_WARN, "%s", v->problem);
		return 0;
	}
	if (v->ri.bad) {
		ui_message(u, UA_WARN, "有 %d 行不能导入：改好文件后再导入（一行也不写入）。", v->ri.bad);
		return 0;
	}
	if (v->ri.undecided) {
		ui_message(u, UA_WARN, "有 %d 行与已有的人重复：先按 r 决定合并、跳过还是仍然新增。", v->ri.undecided);
		return 0;
	}
	if (roster_import_apply(u->st, &v->ri, &added, &merged, &skipped, err, sizeof err) != 0) {
		ui_error(u, "没有导入：%s", err);
		return 0;
	}
	ui_message(u, UA_OK, "已导入花名册：新增 %d 人，合并 %d 人，跳过 %d 行。", added, merged, skipped);
	return 1;
}

int ui_roster_import(struct ui *u)
{
	static char last[1024];
	struct import_view v;
	char err[1024], *path = NULL;
	int done = 0;

	if (!ui_prompt_required(u, "导入花名册", "文件（CSV 或 .xlsx）的路径：", last, 400, &path))
		return 0;
	ys_strlcpy(last, path, sizeof last);
	memset(&v, 0, sizeof v);
	if (roster_import_read(path, &v.ri, err, sizeof err) != 0) {
		ui_error(u, "没有导入：%s", err);
		free(path);
		return 0;
	}
	free(path);
	recheck(u, &v);
	void (*prev)(struct ui *, void *) = u->overlay;
	void *prev_arg = u->overlay_arg;
	u->overlay = view_draw;
	u->overlay_arg = &v;
	for (;;) {
		ui_draw_frame(u);
		if (u->exit_after_frame)
			break;
		int k = ui_getkey(u, NULL);
		if (k == 27) {
			ui_message(u, UA_OK, "没有导入。");
			break;
		}
		u->msg[0] = '\0';
		if (pager_scroll(&v.pg, pager_key(k), u->rows - 4))
			continue;
		if (k == 'm')
			change_column(u, &v);
		else if (k == 'r')
			decide(u, &v);
		else if ((k == '\n' || k == '\r' || k == KC(KEY_ENTER) || k == KC(KEY_F(10))) && apply(u, &v)) {
			done = 1;
			break;
		}
	}
	u->overlay = prev;
	u->overlay_arg = prev_arg;
	pager_free(&v.pg);
	roster_import_free(&v.ri);
	return done;
}
