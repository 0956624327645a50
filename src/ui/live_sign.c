/* live_sign.c: the sign-in pane of the live meeting — the sheet a page at
 * a time by roster number, 出席 / 请假 / 缺席, 列席, finding a name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "base/text.h"
#include "base/util.h"

void live_load_attendance(struct ui *u)
{
	int vis = L.avis > 0 && L.avis <= L_ROWS ? L.avis : L_ROWS;
	L.natt = store_attendance_page(u->st, L.ms.m.id, L.filter, -1, L.after_no, 1, L.att, vis);
	if (L.natt < 0)
		L.natt = 0;
	if (L.natt == 0 && L.after_no) {
		L.after_no = 0;
		L.natt = store_attendance_page(u->st, L.ms.m.id, L.filter, -1, 0, 1, L.att, vis);
		if (L.natt < 0)
			L.natt = 0;
	}
	if (L.acur >= L.natt)
		L.acur = L.natt ? L.natt - 1 : 0;
}

static const char *attend_label(const struct attendance *a, char *buf, size_t len)
{
	switch (a->status) {
	case ATT_PRESENT:
		snprintf(buf, len, "出席 %.5s", a->at);
		break;
	case ATT_LEAVE:
		snprintf(buf, len, "请假：%s", a->reason);
		break;
	default:
		snprintf(buf, len, "%s", attend_name(a->status));
	}
	return buf;
}

#define ROLES_FULL_W 40     /* 居民代表、党组织委员、居委会委员、党员 */

void live_draw_sign(struct ui *u, int top, int bottom, int x, int w)
{
	int vis = bottom - top - 1;
	if (vis > L_ROWS)
		vis = L_ROWS;
	if (vis != L.avis) {
		L.avis = vis;
		live_load_attendance(u);
	}
	/* spare width goes first to the roles (a committee member can carry
	 * five marks), then to the names up to twelve characters; the status,
	 * last, takes what is left */
	int spare = w - 1 - (4 + 10 + 16 + 38 + 3);
	int rw = 16 + (spare > 0 ? (spare < 8 ? spare : 8) : 0);
	int nw = 10 + (spare > 10 ? (spare - 10 < 14 ? spare - 10 : 14) : 0);
	/* a wide terminal writes the identities out (居民代表、党员) */
	int full = spare > 24 + ROLES_FULL_W - rw;
	if (full)
		rw = ROLES_FULL_W;
	const int widths[] = { -4, nw, rw, 38 };
	const char *head[] = { "编号", "姓名", "身份", L.filter[0] ? "状态（已按姓名查找）" : "状态" };
	ui_row(top, x + 1, w - 1, UA_HEAD, head, widths, 4);
	for (int i = 0; i < L.natt && i < vis; i++) {
		struct attendance *a = &L.att[i];
		char rl[160], st[200], no[16];
		if (full)
			roles_format(a->roles & ~ROLE_RESIDENT, rl, sizeof rl);
		else
			ui_roles_short(a->roles, rl, sizeof rl);
		if (a->person_id[0])
			snprintf(no, sizeof no, "%d", a->person_no);
		else
			no[0] = '\0';
		int attr = i == L.acur ? UA_SEL
		         : a->status == ATT_PRESENT ? UA_OK
		         : a->status == ATT_NONE ? UA_NORMAL : UA_WARN;
		const char *cells[] = { no, a->name, rl, attend_label(a, st, sizeof st) };
		ui_put(top + 1 + i, x, 1, i == L.acur ? "▸" : " ", 0, attr);
		ui_row(top + 1 + i, x + 1, w - 1, attr, cells, widths, 4);
	}
	if (L.natt == 0)
		ui_put(top + 1, x + 1, w - 1, L.filter[0] ? "没有找到。按 / 重新查找（空白则显示全部）。"
		                                           : "签到表是空的：花名册里没有这类会议的应到人员。",
		       TEXT_ELLIPSIS, UA_DIM);
}

static struct attendance *att_selected(void)
{
	return L.natt ? &L.att[L.acur] : NULL;
}

void live_sign(struct ui *u, int status)
{
	struct attendance *a = att_selected();
	char err[512], *reason = NULL;
	int ok;
	if (!a)
		return;
	if (status == ATT_LEAVE) {
		char title[128];
		snprintf(title, sizeof title, "%s 请假", a->name);
		if (!ui_prompt_required(u, title, "请假原因（必填）：", a->reason, 60, &reason))
			return;
	}
	ok = ops_attend(u->st, L.ms.m.id, a->person_id, status, reason, live_time(), err,
	                sizeof err) == 0;
	if (!ok)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "%s：%s", a->name, attend_name(status));
	free(reason);
	live_reload(u);
	/* the next person in the queue, scrolling past the last row shown */
	if (ok && status == ATT_PRESENT)
		live_att_move(u, 1);
}

void live_att_move(struct ui *u, int d)
{
	while (d > 0) {
		if (L.acur < L.natt - 1)
			L.acur++;
		else if (L.natt == L.avis && L.natt > 0) {
			struct attendance next[1];
			if (store_attendance_page(u->st, L.ms.m.id, L.filter, -1, L.att[L.natt - 1].person_no, 1, next, 1) != 1)
				break;
			L.after_no = L.att[0].person_no;
			live_load_attendance(u);
			L.acur = L.natt - 1;
		} else
			break;
		d--;
	}
	while (d < 0) {
		if (L.acur > 0)
			L.acur--;
		else if (L.after_no > 0) {
			struct attendance prev[2];
			int m = store_attendance_page(u->st, L.ms.m.id, L.filter, -1, L.att[0].person_no, -1, prev, 2);
			L.after_no = m == 2 ? prev[0].person_no : 0;
			live_load_attendance(u);
			L.acur = 0;
		} else
			break;
		d++;
	}
}

void live_add_observer(struct ui *u)
{
	struct person p[1];
	int n = 0;
	char err[512];
	if (!ui_pick_people(u, "列席人员（可输入不在花名册的姓名）", 0, 0, 1, L.ms.m.id, p, 1, &n) || n == 0)
		return;
	if (ops_observer(u->st, L.ms.m.id, p[0].id[0] ? p[0].id : NULL, p[0].name, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已添加列席：%s", p[0].name);
	live_reload(u);
}

void live_find(struct ui *u)
{
	char *q = NULL;
	if (ui_prompt(u, "查找签到人员", "姓名中的字（空白显示全部）：", L.filter, 20, &q)) {
		snprintf(L.filter, sizeof L.filter, "%s", q);
		L.after_no = 0;
		L.acur = 0;
		live_load_attendance(u);
	}
	free(q);
}
