/* ui.c: start-up of the terminal, the key table, the main loop, the frame
 * (header, tabs, message line, hint bar) and the help screen. */
#include <curses.h>
#include <locale.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"

/* The key table: every action reachable by a letter (F-keys are unreliable
 * in some terminals); the hint bar and the help screen are made from it. */
const struct keydef ui_keys[] = {
	/* everywhere */
	{ SCR_ANY, -1, K_HELP, '?', KC(KEY_F(1)), "F1/?", "帮助", "显示本屏幕的全部按键" },
	{ SCR_ANY, -1, K_TAB_BOARD, '1', 0, "1", NULL, "议题看板：按步骤排列的全部议题" },
	{ SCR_ANY, -1, K_TAB_MEETINGS, '2', 0, "2", NULL, "会议：新建会议、进入会议签到、记录、表决" },
	{ SCR_ANY, -1, K_TAB_ROSTER, '3', 0, "3", NULL, "花名册：人员、身份、网格楼栋" },
	{ SCR_ANY, -1, K_TAB_RULES, '4', 0, "4", NULL, "表决规则：法定人数与通过比例及其依据" },
	{ SCR_ANY, -1, K_TAB_NOTICES, '5', 0, "5", NULL, "公示栏：公示期、剩余天数、异议及答复" },
	{ SCR_ANY, -1, K_UP, KC(KEY_UP), 'k', "↑/k", NULL, "上移" },
	{ SCR_ANY, -1, K_DOWN, KC(KEY_DOWN), 'j', "↓/j", NULL, "下移" },
	{ SCR_ANY, -1, K_PGUP, KC(KEY_PPAGE), 0, "PgUp", NULL, "上一页" },
	{ SCR_ANY, -1, K_PGDN, KC(KEY_NPAGE), 0, "PgDn", NULL, "下一页" },
	{ SCR_ANY, -1, K_HOME, KC(KEY_HOME), 'g', "Home/g", NULL, "到最前" },
	{ SCR_ANY, -1, K_END, KC(KEY_END), 'G', "End/G", NULL, "到最后" },
	/* 议题看板 */
	{ SCR_BOARD, -1, K_LEFT, KC(KEY_LEFT), 'h', "←/h", NULL, "左一列" },
	{ SCR_BOARD, -1, K_RIGHT, KC(KEY_RIGHT), 'l', "→/l", NULL, "右一列" },
	{ SCR_BOARD, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "档案", "打开议题档案：内容、提议人和每一步的记录" },
	{ SCR_BOARD, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新议题", "登记一个新议题（提议）" },
	{ SCR_BOARD, -1, K_NEXT_PAGE, '\t', 0, "Tab", "后续", "在 提议至决议 与 公开、实施、归档、终止 两页之间切换" },
	{ SCR_BOARD, -1, K_ADVANCE, 'a', 0, "a", "推进", "已决议的议题：决议公开、实施、实施结果公开、归档" },
	{ SCR_BOARD, -1, K_WITHDRAW, 'w', 0, "w", "撤回", "提议人撤回议题（须说明理由）" },
	{ SCR_BOARD, -1, K_SEARCH, '/', 0, "/", "检索", "按标题或内容中的字词检索全部议题（含已终止、已归档）" },
	{ SCR_BOARD, -1, K_PROGRESS, 'r', 0, "r", NULL, "实施中的议题：记录一条实施进展" },
	{ SCR_BOARD, -1, K_EXPORT, 'x', 0, "x", NULL, "导出全部决议的数据：CSV（Excel、WPS 可直接打开）或 JSON" },
	{ SCR_BOARD, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", NULL, "预览、导出、打印本议题的公示" },
	/* 议题档案 */
	{ SCR_DOSSIER, -1, K_BACK, 27, KC(KEY_LEFT), "Esc", "返回", "回到上一屏" },
	{ SCR_DOSSIER, -1, K_ADVANCE, 'a', 0, "a", "推进", "决议公开、实施、实施结果公开、归档" },
	{ SCR_DOSSIER, -1, K_WITHDRAW, 'w', 0, "w", "撤回", "提议人撤回议题（须说明理由）" },
	{ SCR_DOSSIER, -1, K_PROGRESS, 'r', 0, "r", "进展", "实施中的议题：记录一条实施进展" },
	{ SCR_DOSSIER, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "公示", "预览、导出、打印本议题的公示" },
	/* 会议 */
	{ SCR_MEETINGS, -1, K_OPEN, '\r', KC(KEY_ENTER), "Enter", "进入", "进入会议：签到、记录发言、表决" },
	{ SCR_MEETINGS, -1, K_NEW, 'n', KC(KEY_F(3)), "F3/n", "新会议", "新建会议：类型、时间、地点、主持、记录、议程" },
	{ SCR_MEETINGS, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "记录", "预览、导出、打印所选会议的会议记录" },
	/* 会议进行中 */
	{ SCR_LIVE, -1, K_BACK, 27, 0, "Esc", "返回", "回到会议列表（一切已保存）" },
	{ SCR_LIVE, -1, K_PANE, '\t', 0, "Tab", "签到/记录/表决", "在 签到、记录、表决 三栏之间切换" },
	{ SCR_LIVE, -1, K_LEFT, KC(KEY_LEFT), '[', "←/[", NULL, "上一个议题" },
	{ SCR_LIVE, -1, K_RIGHT, KC(KEY_RIGHT), ']', "→/]", NULL, "下一个议题" },
	{ SCR_LIVE, -1, K_START, 's', 0, "s", "开会", "宣布开会（开始后才能表决）" },
	{ SCR_LIVE, 0, K_SIGN, '\r', ' ', "Enter", "出席", "所选人员签到出席" },
	{ SCR_LIVE, 0, K_LEAVE, 'l', 0, "l", "请假", "所选人员请假（须填原因）" },
	{ SCR_LIVE, 0, K_ABSENT, 'x', 0, "x", "缺席", "所选人员缺席" },
	{ SCR_LIVE, 0, K_UNSIGN, 'u', 0, "u", NULL, "撤销所选人员的签到状态" },
	{ SCR_LIVE, 0, K_OBSERVER, 'o', 0, "o", "列席", "添加列席人员（不计入应到、实到）" },
	{ SCR_LIVE, 0, K_SEARCH, '/', 0, "/", "查找", "按姓名查找签到人员" },
	{ SCR_LIVE, 1, K_MINUTE, 'i', '\r', "i/Enter", "记录发言", "记录一条发言：发言人、摘要（时间自动）" },
	{ SCR_LIVE, 2, K_VOTE, 'v', KC(KEY_F(4)), "F4/v", "表决", "对所选议题表决：举手、无记名或记名" },
	{ SCR_LIVE, 2, K_CLOSE_ITEM, 'c', 0, "c", "结束议题", "结束所选议题：转入下一步、退回、不予采纳或撤回" },
	{ SCR_LIVE, -1, K_END_MEETING, 'z', 0, "z", "散会", "宣布散会：记录遗留问题，会议关闭后不能再改" },
	{ SCR_LIVE, -1, K_PREVIEW, 'p', KC(KEY_F(5)), "F5/p", "记录", "预览、导出、打印会议记录" },
	{ SCR_LIVE, -1, K_SEAL, 'f', 0, "f", "签字确认", "散会后由主持人、记录人签字确认：记录封存，不能再改" },
	{ SCR_LIVE, -1, K_ADDENDUM, 'e', 0, "e", "更正", "已签字确认的记录有错：添加更正（须写明理由）" },
	/* 花名册 */
	{ SCR_ROSTER, -1, K_NEW, 'n', KC(KEY_F(2)), "F2/n", "新增", "新增人员" },
	{ SCR_ROSTER, -1, K_EDIT, 'e', '\r', "e/Enter", "修改", "修改所选人员" },
	{ SCR_ROSTER, -1, K_TOGGLE_ACTIVE, 'd', 0, "d", "停用/启用", "停用或恢复所选人员（以往记录不变）" },
	{ SCR_ROSTER, -1, K_SEARCH, '/', 0, "/", "查找", "按姓名查找" },
	{ SCR_ROSTER, -1, K_FILTER, 'f', 0, "f", "筛选", "按身份筛选" },
	/* 公示栏 */
	{ SCR_NOTICES, -1, K_PREVIEW, '\r', KC(KEY_F(5)), "Enter/F5", "预览", "预览、导出、打印所选公示（公开版）" },
	{ SCR_NOTICES, -1, K_PREVIEW_INTERNAL, 'i', 0, "i", "存档版", "存档版：含异议人及答复，不对外张贴" },
	{ SCR_NOTICES, -1, K_OBJECTION, 'o', 0, "o", "记录异议", "记录公示期内收到的异议" },
	{ SCR_NOTICES, -1, K_ANSWER, 'r', 0, "r", "答复", "答复所选公示的一条异议" },
	{ SCR_NOTICES, -1, K_EXPORT, 'x', 0, "x", "导出网页", "把公示栏导出为网页（大厅屏幕、手机转发用，不需要网络）" },
	/* 表决规则 */
	{ SCR_RULES, -1, K_EDIT, 'e', '\r', "e/Enter", "修改", "修改所选规则（须写明理由，修改留痕）" },
	{ SCR_RULES, -1, K_SETTINGS, 's', 0, "s", "设置", "社区名称与落款、异议电话、公示期天数、材料提前天数、计票两人录入" },
	/* the tab screens quit; detail screens go back */
	{ SCR_ANY, -1, K_QUIT, 'q', KC(KEY_F(10)), "q", "退出", "退出议事厅（所有内容均已保存）" },
};
const size_t ui_key_count = YS_ARRAY_LEN(ui_keys);

static const struct screen_def *const screens[SCR_COUNT] = {
	[SCR_BOARD] = &screen_board,
	[SCR_DOSSIER] = &screen_dossier,
	[SCR_MEETINGS] = &screen_meetings,
	[SCR_LIVE] = &screen_live,
	[SCR_ROSTER] = &screen_roster,
	[SCR_RULES] = &screen_rules,
	[SCR_NOTICES] = &screen_notices,
};

/* the tabs in the second row, in order */
static const struct { int screen; const char *label; int action; } tabs[] = {
	{ SCR_BOARD, "1 议题", K_TAB_BOARD },
	{ SCR_MEETINGS, "2 会议", K_TAB_MEETINGS },
	{ SCR_ROSTER, "3 花名册", K_TAB_ROSTER },
	{ SCR_RULES, "4 规则", K_TAB_RULES },
	{ SCR_NOTICES, "5 公示栏", K_TAB_NOTICES },
};

static int key_matches(const struct keydef *k, int screen, int pane, int key)
{
	if (k->screen != SCR_ANY && k->screen != screen)
		return 0;
	if (k->pane >= 0 && k->pane != pane)
		return 0;
	return k->key == key || (k->key2 && k->key2 == key);
}

int ui_key_action(int screen, int pane, int key)
{
	/* Enter arrives as CR or LF depending on the terminal */
	if (key == '\n')
		key = '\r';
	/* screen rows first, so that a screen may rebind a global key */
	for (size_t i = 0; i < ui_key_count; i++)
		if (ui_keys[i].screen == screen && key_matches(&ui_keys[i], screen, pane, key))
			return ui_keys[i].action;
	for (size_t i = 0; i < ui_key_count; i++)
		if (ui_keys[i].screen == SCR_ANY && key_matches(&ui_keys[i], screen, pane, key))
			return ui_keys[i].action;
	return K_NONE;
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
	if (screens[screen]->title)     /* tab screens are where Esc returns */
		u->prev_screen = screen;
	u->screen = screen;
	if (screens[screen]->enter)
		screens[screen]->enter(u);
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

static int too_small(const struct ui *u)
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
	ui_putf(0, 0, u->cols - rw, TEXT_ELLIPSIS, UA_TITLE, " 议事厅  %s",
	        u->comm.name[0] ? u->comm.name : "（未命名社区）");
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
			if (pass == 0 && screens[u->screen]->key_ok && !screens[u->screen]->key_ok(u, k->action))
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
	ui_small = too_small(u);
	if (ui_small) {
		ui_small_notice = 1;
		curs_set(0);
		char line[160];
		int y = u->rows / 2 - 1;
		if (y < 0)
			y = 0;
		snprintf(line, sizeof line, "窗口太小：现在 %d×%d，至少需要 %d×%d。",
		         u->cols, u->rows, UI_MIN_COLS, UI_MIN_ROWS);
		ui_put(y, 0, u->cols, line, TEXT_CENTER | TEXT_ELLIPSIS, UA_WARN);
		if (y + 1 < u->rows)
			ui_put(y + 1, 0, u->cols, "请放大窗口；按 q 退出。", TEXT_CENTER | TEXT_ELLIPSIS, UA_NORMAL);
		ui_small_notice = 0;
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_header(u);
	screens[u->screen]->draw(u, 2, u->rows - 2);
	ui_draw_message(u);
	draw_hints(u, u->rows - 1);
	if (u->overlay)
		u->overlay(u, u->overlay_arg);
	wnoutrefresh(stdscr);
	doupdate();
	frame_mark();
}

/* the screens' names in the manual */
static const char *const screen_names[SCR_COUNT] = {
	[SCR_BOARD] = "议题看板", [SCR_DOSSIER] = "议题档案", [SCR_MEETINGS] = "会议",
	[SCR_LIVE] = "会议进行中", [SCR_ROSTER] = "花名册", [SCR_RULES] = "表决规则",
	[SCR_NOTICES] = "公示栏",
};
static const char *const pane_names[] = { "签到", "记录", "表决" };

void ui_keys_each(void (*cb)(const char *screen, const char *key, const char *help, void *arg),
                  void *arg)
{
	for (int scr = 0; scr <= SCR_COUNT; scr++) {
		int want = scr < SCR_COUNT ? scr : SCR_ANY;
		for (size_t i = 0; i < ui_key_count; i++) {
			const struct keydef *k = &ui_keys[i];
			char help[256];
			if (k->screen != want)
				continue;
			if (k->pane >= 0)
				snprintf(help, sizeof help, "%s（%s栏）", k->help, pane_names[k->pane]);
			else
				snprintf(help, sizeof help, "%s", k->help);
			cb(want == SCR_ANY ? "各屏通用" : screen_names[want], k->keyname, help, arg);
		}
	}
}

/* ---- help: generated from the key table ---------------------------------- */
static void help_lines(const struct ui *u, struct strbuf *sb, int *n)
{
	*n = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ui_key_count; i++) {
			const struct keydef *k = &ui_keys[i];
			if (pass == 0 && k->screen != u->screen)
				continue;
			if (pass == 1 && k->screen != SCR_ANY)
				continue;
			char key[32];
			char *fit = text_fit(k->keyname, 10, 0);
			snprintf(key, sizeof key, "%s", fit);
			free(fit);
			if (k->pane >= 0)
				sb_addf(sb, "  %s %s（%s栏）\n", key, k->help,
				        k->pane == 0 ? "签到" : k->pane == 1 ? "记录" : "表决");
			else
				sb_addf(sb, "  %s %s\n", key, k->help);
			(*n)++;
		}
	}
}

static void ui_help(struct ui *u)
{
	struct strbuf sb = { 0 };
	int n, top = 0;
	sb_add(&sb, "");
	help_lines(u, &sb, &n);
	for (;;) {
		getmaxyx(stdscr, u->rows, u->cols);
		erase();
		ui_put(0, 0, u->cols, " 帮助：本屏幕的按键（Esc/q 关闭，↑↓ PgUp PgDn End 翻看）", TEXT_ELLIPSIS, UA_TITLE);
		const char *p = sb.s;
		int line = 0, y = 1;
		while (*p && y < u->rows - 1) {
			const char *e = strchr(p, '\n');
			if (!e)
				e = p + strlen(p);
			if (line >= top) {
				char *s = xasprintf("%.*s", (int)(e - p), p);
				ui_put(y++, 0, u->cols, s, TEXT_ELLIPSIS, UA_NORMAL);
				free(s);
			}
			line++;
			p = *e ? e + 1 : e;
		}
		ui_put(u->rows - 1, 0, u->cols,
		       "所有内容确认即保存。功能键不灵时用对应的字母键。",
		       TEXT_ELLIPSIS, UA_DIM);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27 || k == 'q' || k == KC(KEY_F(1)) || k == '?' || ui_is_enter(k))
			break;
		int h = u->rows - 2;
		if ((k == KC(KEY_DOWN) || k == 'j') && top < n - 1)
			top++;
		if ((k == KC(KEY_UP) || k == 'k') && top > 0)
			top--;
		if (k == KC(KEY_NPAGE) || k == ' ')
			top = top + h < n ? top + h : top;
		if (k == KC(KEY_PPAGE))
			top = top > h ? top - h : 0;
		if (k == KC(KEY_HOME) || k == 'g')
			top = 0;
		if (k == KC(KEY_END) || k == 'G')
			top = n > h ? n - h : 0;
	}
	sb_free(&sb);
}

/* ---- input --------------------------------------------------------------- */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

int ui_getkey(struct ui *u, char **paste)
{
	wint_t wc;
	int r;
	for (;;) {
		r = get_wch(&wc);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			getmaxyx(stdscr, u->rows, u->cols);
			return KC(KEY_RESIZE);
		}
		if (r == KEY_CODE_YES && wc == KEY_PASTE_BEGIN) {
			/* collect until the end marker; CR and CRLF are newlines */
			struct strbuf sb = { 0 };
			char buf[8];
			sb_add(&sb, "");
			for (;;) {
				r = get_wch(&wc);
				if (r == ERR)
					continue;
				if (r == KEY_CODE_YES) {
					if (wc == KEY_PASTE_END)
						break;
					continue;
				}
				if (wc == '\r')
					wc = '\n';
				size_t n = text_encode((wchar_t)wc, buf);
				sb_addn(&sb, buf, n);
			}
			if (paste) {
				*paste = sb_steal(&sb);
				return UI_KEY_PASTE;
			}
			sb_free(&sb);
			continue;
		}
		if (r == KEY_CODE_YES)
			return KC((int)wc);
		return (int)wc;
	}
}

/* ---- start-up ------------------------------------------------------------ */
static const struct { int fg, bg, mono; } attr_table[UA_COUNT] = {
	[UA_NORMAL] = { -1, -1, A_NORMAL },
	[UA_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE | A_BOLD },
	[UA_TAB] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[UA_TAB_ON] = { COLOR_YELLOW, COLOR_BLUE, A_BOLD },
	[UA_SEL] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
	[UA_HEAD] = { COLOR_CYAN, -1, A_BOLD | A_UNDERLINE },
	[UA_ERR] = { COLOR_RED, -1, A_BOLD },
	[UA_OK] = { COLOR_GREEN, -1, A_BOLD },
	[UA_WARN] = { COLOR_YELLOW, -1, A_BOLD },
	[UA_DIM] = { COLOR_BLUE, -1, A_DIM },
	[UA_KEY] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[UA_FIELD] = { COLOR_WHITE, COLOR_BLACK, A_UNDERLINE },
	[UA_FIELD_ON] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE },
	[UA_YES] = { COLOR_BLACK, COLOR_GREEN, A_REVERSE },
	[UA_NO] = { COLOR_BLACK, COLOR_RED, A_REVERSE },
	[UA_ABSTAIN] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
	[UA_NONE_VOTED] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE },
};
static int ui_color_on;

int ui_attr(int which)
{
	if (which < 0 || which >= UA_COUNT)
		return A_NORMAL;
	if (!ui_color_on)
		return attr_table[which].mono;
	if (which == UA_NORMAL)
		return A_NORMAL;
	int a = COLOR_PAIR(which);
	if (which == UA_TITLE || which == UA_ERR || which == UA_OK || which == UA_WARN
	    || which == UA_TAB_ON || which == UA_HEAD)
		a |= A_BOLD;
	return a;
}

static void init_colors(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");
	ui_color_on = 0;
	if ((nc && *nc) || !has_colors() || u->color == 0)
		return;
	start_color();
	use_default_colors();
	for (int i = 1; i < UA_COUNT; i++)
		init_pair((short)i, (short)attr_table[i].fg, (short)attr_table[i].bg);
	ui_color_on = 1;
}

int ui_setup_community(struct ui *u);   /* ui_setup.c */

int ui_run(struct store *st, int exit_after_frame, int mono)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.st = st;
	u.exit_after_frame = exit_after_frame;
	u.color = !mono;

	set_escdelay(50);
	if (!initscr()) {
		fprintf(stderr, "无法初始化终端（TERM=%s）。\n", getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	raw();                 /* ^S, ^C and ^Q reach the program */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	init_colors(&u);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	printf("\033[?2004h");  /* bracketed paste: a pasted block arrives whole */
	fflush(stdout);
	getmaxyx(stdscr, u.rows, u.cols);

	int rc = 0, setup_cancelled = 0;
	if (store_community_get(st, &u.comm) != 0) {
		if (!ui_setup_community(&u)) {
			setup_cancelled = 1;
			goto out;
		}
	}
	ui_goto(&u, SCR_BOARD);
	while (!u.quit) {
		ui_draw_frame(&u);
		if (u.exit_after_frame)
			break;
		int key = ui_getkey(&u, NULL);
		if (key == KC(KEY_RESIZE))
			continue;
		if (too_small(&u)) {
			if (key == 'q' || key == KC(KEY_F(10)))
				u.quit = 1;
			continue;
		}
		int act = ui_key_action(u.screen, u.pane, key);
		u.msg[0] = '\0';
		switch (act) {
		case K_HELP:
			ui_help(&u);
			break;
		case K_QUIT:
			u.quit = 1;
			break;
		case K_TAB_BOARD: case K_TAB_MEETINGS: case K_TAB_ROSTER: case K_TAB_RULES:
		case K_TAB_NOTICES:
			for (size_t i = 0; i < YS_ARRAY_LEN(tabs); i++)
				if (tabs[i].action == act)
					ui_goto(&u, tabs[i].screen);
			break;
		case K_NONE:
			break;
		default:
			screens[u.screen]->action(&u, act);
		}
	}
out:
	printf("\033[?2004l");
	fflush(stdout);
	endwin();
	if (setup_cancelled)
		printf("未填写社区名称，已退出；下次启动时会再询问。\n");
	return rc;
}
