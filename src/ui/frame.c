/* frame.c: the frame around every screen — header with the community and
 * the clock, the tabs, the message line, the hint bar — and moving between
 * screens. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"

/* the tabs in the second row, in order */
static const struct { int screen; const char *label; int action; } tabs[] = {
	{ SCR_BOARD, "1 议题", K_TAB_BOARD },
	{ SCR_MEETINGS, "2 会议", K_TAB_MEETINGS },
	{ SCR_ROSTER, "3 花名册", K_TAB_ROSTER },
	{ SCR_RULES, "4 规则", K_TAB_RULES },
	{ SCR_NOTICES, "5 公示栏", K_TAB_NOTICES },
	{ SCR_DIARY, "6 民情日记", K_TAB_DIARY },
	{ SCR_NOTES, "7 手记", K_TAB_NOTES },
	{ SCR_STATS, "8 统计", K_TAB_STATS },
};

int ui_tab_screen(int action)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(tabs); i++)
		if (tabs[i].action == action)
			return tabs[i].screen;
	return -1;
}

void ui_message(struct ui *u, int attr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_attr = attr;
}

void ui_error(struct ui *u, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_attr = UA_ERR;
	beep();
}

void ui_goto(struct ui *u, int screen)
{
	if (screen < 0 || screen >= SCR_COUNT)
		return;
	if (u->screens[screen]->title)     /* tab screens are where Esc returns */
		u->prev_screen = screen;
	u->screen = screen;
	if (u->screens[screen]->enter)
		u->screens[screen]->enter(u);
}

/* YISHITING_FRAME_MARK=1: after every frame the program writes an
 * operating-system command that terminals ignore (ESC ] 7775 ; f BEL), so
 * that a benchmark driving it through a pseudo-terminal knows when a key's
 * frame is on the screen (make bench). */
static void frame_mark(void)
{
	static int on = -1;
	if (on < 0) {
		const char *e = getenv("YISHITING_FRAME_MARK");
		on = e && *e == '1';
	}
	if (on) {
		fputs("\033]7775;f\007", stdout);
		fflush(stdout);
	}
}

int ui_too_small(const struct ui *u)
{
	return u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS;
}

static void draw_header(struct ui *u)
{
	struct tm now;
	char date[32], clock[6], right[64];
	ys_now_tm(&now);
	ys_fmt_cn_date(&now, date);
	ys_fmt_time(&now, clock);
	snprintf(right, sizeof right, "%s %s %s ", date, ys_weekday_cn(&now), clock);
	int rw = text_width(right);
	ui_fill(0, 0, u->cols, UA_TITLE);
	/* a read-only file says so on every screen: nothing can be changed */
	const char *ro = store_readonly(u->st) ? " 只读：只能查看、导出、打印 " : "";
	int row = text_width(ro);
	if (row > u->cols - rw - 20)
		ro = " 只读 ", row = text_width(ro);
	ui_putf(0, 0, u->cols - rw - row, TEXT_ELLIPSIS, UA_TITLE, " 议事厅  %s",
	        u->comm.name[0] ? u->comm.name : "（未命名社区）");
	if (row)
		ui_put(0, u->cols - rw - row, row, ro, 0, UA_BANNER);
	ui_put(0, u->cols - rw, rw, right, 0, UA_TITLE);

	int x = 1;
	ui_fill(1, 0, u->cols, UA_TAB);
	int cur = u->screen == SCR_DOSSIER ? SCR_BOARD
	        : u->screen == SCR_LIVE ? SCR_MEETINGS : u->screen;
	for (size_t i = 0; i < YS_ARRAY_LEN(tabs); i++) {
		int w = text_width(tabs[i].label) + 2;
		ui_putf(1, x, w, 0, tabs[i].screen == cur ? UA_TAB_ON : UA_TAB,
		        tabs[i].screen == cur ? "[%s]" : " %s ", tabs[i].label);
		x += w + 1;
	}
}

/* the hint bar: this screen's (and pane's) keys that have a hint and make
 * sense now, then the global ones (help and quit always fit: their room is
 * kept), as many whole items as fit */
static void draw_hints(struct ui *u, int y)
{
	int x = 0, pass, global = 0;
	for (size_t i = 0; i < ui_key_count; i++)
		if (ui_keys[i].screen == SCR_ANY && ui_keys[i].hint)
			global += text_width(ui_keys[i].keyname) + text_width(ui_keys[i].hint) + 2;
	ui_fill(y, 0, u->cols, UA_NORMAL);
	for (pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ui_key_count; i++) {
			const struct keydef *k = &ui_keys[i];
			if (!k->hint)
				continue;
			if (pass == 0 && k->screen != u->screen)
				continue;
			if (pass == 1 && k->screen != SCR_ANY)
				continue;
			if (k->pane >= 0 && (u->screen != SCR_LIVE || k->pane != u->pane))
				continue;
			if (pass == 0 && u->screens[u->screen]->key_ok && !u->screens[u->screen]->key_ok(u, k->action))
				continue;
			int kw = text_width(k->keyname), hw = text_width(k->hint);
			if (x + kw + hw + 1 > u->cols - (pass == 0 ? global : 0))
				continue;   /* a shorter one may still fit */
			ui_put(y, x, kw, k->keyname, 0, UA_KEY);
			ui_put(y, x + kw, hw, k->hint, 0, UA_NORMAL);
			x += kw + hw + 2;
		}
	}
}

struct msg_lines { char line[2][512]; int n; };

static void msg_line_cb(const char *line, size_t nbytes, void *arg)
{
	struct msg_lines *m = arg;
	if (m->n < 2)
		snprintf(m->line[m->n], sizeof m->line[0], "%.*s", (int)nbytes, line);
	m->n++;
}

/* the message line; a long message takes the row above it too, so that a
 * refusal is always read in full */
void ui_draw_message(struct ui *u)
{
	/* nothing to say: the board reminds of the backup when it is due */
	if (!u->msg[0] && u->screen == SCR_BOARD && u->backup_note[0]) {
		ui_put(u->rows - 2, 0, u->cols, u->backup_note, TEXT_ELLIPSIS, UA_WARN);
		return;
	}
	if (text_width(u->msg) <= u->cols - 1) {
		ui_put(u->rows - 2, 0, u->cols, u->msg, TEXT_ELLIPSIS, u->msg_attr);
		return;
	}
	struct msg_lines m = { .n = 0 };
	text_wrap(u->msg, u->cols - 1, msg_line_cb, &m);
	ui_put(u->rows - 3, 0, u->cols, m.line[0], TEXT_ELLIPSIS, u->msg_attr);
	ui_put(u->rows - 2, 0, u->cols, m.line[1], TEXT_ELLIPSIS, u->msg_attr);
}

void ui_draw_frame(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	erase();
	ui_small = ui_too_small(u);
	if (ui_small) {
		ui_small_notice = 1;
		curs_set(0);
		/* said in short lines, so that a window of 20×10 still shows
		 * all of it; nothing typed is lost, the screen comes back */
		char now[48], need[48];
		snprintf(now, sizeof now, "现在 %d×%d，", u->cols, u->rows);
		snprintf(need, sizeof need, "至少需要 %d×%d。", UI_MIN_COLS, UI_MIN_ROWS);
		const char *lines[] = { "窗口太小：", now, need, "请放大窗口；", "按 q 退出。" };
		char all[200];
		snprintf(all, sizeof all, "窗口太小：%s%s", now, need);
		int wide = text_width(all) <= u->cols, n = wide ? 2 : (int)YS_ARRAY_LEN(lines);
		int y = (u->rows - n) / 2;
		if (y < 0)
			y = 0;
		for (int i = 0; i < n && y + i < u->rows; i++) {
			const char *s = wide ? (i == 0 ? all : "请放大窗口；按 q 退出。") : lines[i];
			ui_put(y + i, 0, u->cols, s, TEXT_CENTER | TEXT_ELLIPSIS,
			       (wide ? i == 0 : i < 3) ? UA_WARN : UA_NORMAL);
		}
		ui_small_notice = 0;
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_header(u);
	u->screens[u->screen]->draw(u, 2, u->rows - 2);
	ui_draw_message(u);
	draw_hints(u, u->rows - 1);
	if (u->overlay)
		u->overlay(u, u->overlay_arg);
	wnoutrefresh(stdscr);
	doupdate();
	frame_mark();
}

