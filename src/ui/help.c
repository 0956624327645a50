/* help.c: the help screen, made from the key table. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"

/* ---- help: generated from the key table ---------------------------------- */

#define KEY_COL 13           /* "  F5/p       ": the key and its padding */

/* one help entry: the key, then its text wrapped to the width, the lines
 * after the first indented under the text (nothing is cut) */
struct help_wrap {
	struct strbuf *sb;
	int first;
};

static void help_line(const char *line, size_t nbytes, void *arg)
{
	struct help_wrap *hw = arg;
	if (!hw->first)
		sb_addf(hw->sb, "%*s", KEY_COL, "");
	sb_addn(hw->sb, line, nbytes);
	sb_add(hw->sb, "\n");
	hw->first = 0;
}

static void help_entry(struct strbuf *sb, const char *key, const char *text, int cols)
{
	struct help_wrap hw = { sb, 1 };
	char *fit = text_fit(key, KEY_COL - 3, 0);
	sb_addf(sb, "  %s ", fit);
	free(fit);
	text_wrap(text, cols - KEY_COL > 10 ? cols - KEY_COL : 10, help_line, &hw);
}

static void help_lines(const struct ui *u, struct strbuf *sb, int cols)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ui_key_count; i++) {
			const struct keydef *k = &ui_keys[i];
			if (pass == 0 && k->screen != u->screen)
				continue;
			if (pass == 1 && k->screen != SCR_ANY)
				continue;
			char *text = k->pane >= 0
				? xasprintf("%s（%s栏）", k->help,
				            k->pane == 0 ? "签到" : k->pane == 1 ? "记录" : "表决")
				: xstrdup(k->help);
			help_entry(sb, k->keyname, text, cols);
			free(text);
		}
	}
	/* the one-character identity codes of the roster and the sign-in sheet */
	sb_add(sb, "\n  身份简称（花名册、签到表的「身份」栏）：\n");
	for (size_t i = 0; i < role_count; i++) {
		char key[16];
		snprintf(key, sizeof key, "%s", role_table[i].abbr);
		help_entry(sb, key, role_table[i].name, cols);
	}
}

void ui_help(struct ui *u)
{
	struct pager pg = { .top = 0 };
	int width = -1;

	for (;;) {
		getmaxyx(stdscr, u->rows, u->cols);
		if (width != u->cols) {
			/* laid out again for the width: wrapped, never cut */
			struct strbuf sb = { 0 };
			int top = pg.top;
			sb_add(&sb, "");
			help_lines(u, &sb, u->cols - 1);
			pager_set(&pg, &sb);
			pg.top = top < pg.nlines ? top : 0;
			width = u->cols;
		}
		erase();
		ui_put(0, 0, u->cols, " 帮助：本屏幕的按键（Esc/q 关闭，↑↓ PgUp PgDn End 翻看）", TEXT_ELLIPSIS, UA_TITLE);
		pager_draw(&pg, 1, 0, u->rows - 2, u->cols, TEXT_ELLIPSIS, NULL);
		ui_put(u->rows - 1, 0, u->cols,
		       "所有内容确认即保存。功能键不灵时用对应的字母键。",
		       TEXT_ELLIPSIS, UA_DIM);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27 || k == 'q' || k == KC(KEY_F(1)) || k == '?' || ui_is_enter(k))
			break;
		pager_scroll(&pg, pager_key(k), u->rows - 2);
	}
	pager_free(&pg);
}
