/* run.c: the screens' table and the main loop: start the terminal, ask
 * the community's names on a new database, then read a key, act, draw. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"
#include "ops/ops.h"

static const struct screen_def *const screens[SCR_COUNT] = {
	[SCR_BOARD] = &screen_board,
	[SCR_DOSSIER] = &screen_dossier,
	[SCR_MEETINGS] = &screen_meetings,
	[SCR_LIVE] = &screen_live,
	[SCR_ROSTER] = &screen_roster,
	[SCR_RULES] = &screen_rules,
	[SCR_NOTICES] = &screen_notices,
	[SCR_DIARY] = &screen_diary,
	[SCR_STATS] = &screen_stats,
	[SCR_ATTACH] = &screen_attach,
	[SCR_NOTES] = &screen_notes,
};

int ui_run(struct store *st, int exit_after_frame, int mono)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.st = st;
	u.exit_after_frame = exit_after_frame;
	u.color = !mono;

	u.screens = screens;
	if (ui_term_start(&u) != 0)
		return 1;

	int rc = 0, setup_cancelled = 0;
	ops_operator_load(st);
	if (store_community_get(st, &u.comm) != 0) {
		if (!ui_setup_community(&u)) {
			setup_cancelled = 1;
			goto out;
		}
	}
	ui_backup_note(&u);
	ui_goto(&u, SCR_BOARD);
	while (!u.quit) {
		ui_draw_frame(&u);
		if (u.exit_after_frame)
			break;
		int key = ui_getkey(&u, NULL);
		if (key == KC(KEY_RESIZE))
			continue;
		if (ui_too_small(&u)) {
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
		case K_FIND:
			ui_search(&u);
			break;
		case K_QUIT:
			u.quit = 1;
			break;
		case K_TAB_BOARD: case K_TAB_MEETINGS: case K_TAB_ROSTER: case K_TAB_RULES:
		case K_TAB_NOTICES: case K_TAB_DIARY: case K_TAB_STATS: case K_TAB_NOTES:
			ui_goto(&u, ui_tab_screen(act));
			break;
		case K_NONE:
			break;
		default:
			screens[u.screen]->action(&u, act);
		}
	}
out:
	ui_term_end();
	if (setup_cancelled)
		printf("未填写社区名称，已退出；下次启动时会再询问。\n");
	return rc;
}
