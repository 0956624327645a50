/* help.c: the help screen, made from the key table. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"

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

void ui_help(struct ui *u)
{
	struct pager pg = { .top = 0 };
	struct strbuf sb = { 0 };
	int n;

	sb_add(&sb, "");
	help_lines(u, &sb, &n);
	pager_set(&pg, &sb);
	for (;;) {
		getmaxyx(stdscr, u->rows, u->cols);
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
