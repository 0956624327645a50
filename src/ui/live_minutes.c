/* live_minutes.c: the minutes pane of the live meeting — the newest
 * speeches that fit, and the editor that takes one speech after another. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"

static void wrap_into(const char *line, size_t nbytes, void *arg)
{
	sb_addn(arg, line, nbytes);
	sb_add(arg, "\n");
}

void live_draw_minutes(struct ui *u, int top, int bottom, int x, int w)
{
	if (L.nminutes < 0)
		L.nminutes = store_minute_count(u->st, L.ms.m.id);
	/* the state line above already says what a closed or sealed meeting allows */
	ui_putf(top, x, w, TEXT_ELLIPSIS, UA_HEAD, " 发言记录（%d 条）%s", L.nminutes,
	        L.ms.sealed ? "" : L.ms.m.status == MS_CLOSED ? "  ↑↓ r 修改  d 删除  a 补记"
	        : "  i 记录  ↑↓ r 修改  d 删除  a 补记");
	/* the entries that fit up to the selected one (the newest when none
	 * is chosen), oldest of them first */
	int h = bottom - top - 1;
	struct minute mins[32];
	int n = store_minute_page(u->st, L.ms.m.id, L.msel > 0 ? L.msel + 1 : 1 << 30, -1, mins,
	                          h < 32 ? h : 32);
	if (n < 0)
		n = 0;
	/* wrap each entry (Chinese line-breaking rules), newest at the bottom */
	struct strbuf lines[32];
	int nl[32], used = 0, first = n;
	for (int i = n - 1; i >= 0; i--) {
		char *line = xasprintf("%s %s：%s", mins[i].at, mins[i].speaker, mins[i].text ? mins[i].text : "");
		memset(&lines[i], 0, sizeof lines[i]);
		sb_add(&lines[i], "");
		nl[i] = text_wrap(line, w - 2, wrap_into, &lines[i]);
		free(line);
		if (used + nl[i] > h) {
			sb_free(&lines[i]);
			break;
		}
		used += nl[i];
		first = i;
	}
	int y = top + 1;
	for (int i = first; i < n; i++) {
		const char *p = lines[i].s;
		for (int j = 0; j < nl[i] && y < bottom; j++) {
			const char *e = strchr(p, '\n');
			char *l = xasprintf("%.*s", (int)(e ? e - p : (long)strlen(p)), p);
			/* the selected line: the one r, d and a act on */
			int sel = u->pane == PANE_MINUTES && i == n - 1;
			ui_put(y, x, 1, sel && j == 0 ? "▸" : " ", 0, sel ? UA_SEL : UA_NORMAL);
			ui_put(y++, x + 1, w - 1, l, 0, sel ? UA_SEL : UA_NORMAL);
			free(l);
			p = e ? e + 1 : p + strlen(p);
		}
		sb_free(&lines[i]);
	}
	for (int i = 0; i < n; i++)
		minute_clear(&mins[i]);
	if (n == 0)
		ui_put(top + 1, x + 1, w - 1, "还没有记录。按 i 开始记录发言。", 0, UA_DIM);
}

static int choose_speaker(struct ui *u)
{
	struct person p[1];
	int n = 0;
	if (!ui_pick_people(u, "发言人（可输入不在花名册的姓名）", 0, 0, 1, L.ms.m.id, p, 1, &n) || n == 0)
		return 0;
	L.speaker = p[0];
	L.have_speaker = 1;
	return 1;
}

/* the minute editor: stays open for the next entry; Enter saves, a pasted
 * block keeps its line breaks */
void live_minute_editor(struct ui *u)
{
	char err[512] = "";
	struct edbuf e;
	if (!L.have_speaker && !choose_speaker(u))
		return;
	edbuf_init(&e, 1, MINUTE_MAX_CHARS);
	curs_set(1);
	for (;;) {
		ui_draw_frame(u);
		int h = 7, w = u->cols - 2;
		int y0 = u->rows - h - 2, x0 = 1;
		char when[32];
		live_time_label(when, sizeof when);
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " 记录发言  时间 %s  发言人：%s  议题：%s",
		        when, L.speaker.name, L.nitems ? L.items[L.item].title : "（无）");
		for (int i = 1; i < h - 1; i++)
			ui_fill(y0 + i, x0, w, UA_NORMAL);
		int cr, cc;
		/* a refusal too long for one row takes a row of the field: what
		 * to do next is never cut off */
		int erows = err[0] && text_width(err) > w - 2 ? 2 : 1;
		ui_draw_multi_field(&e, y0 + 1, x0 + 1, h - 2 - erows, w - 2, UA_FIELD_ON, &cr, &cc);
		ui_put_wrap(y0 + h - 1 - erows, x0 + 1, w - 2, erows, err, UA_ERR);
		ui_put(y0 + h - 1, x0, w, " Enter 保存本条  Tab 换发言人  ^T 改时间  Esc 结束记录（未保存的这一条会询问）",
		       TEXT_ELLIPSIS, UA_TAB);
		ui_cursor(y0 + 1 + cr, x0 + 1 + cc);
		wnoutrefresh(stdscr);
		doupdate();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		err[0] = '\0';
		if (k == 27) {
			if (e.len == 0 || ui_confirm(u, "这一条还没有保存，放弃它？"))
				break;
		} else if (k == '\t') {
			choose_speaker(u);
		} else if (k == 20) {            /* ^T */
			live_set_time(u);
		} else if (k == '\r' || k == KC(KEY_ENTER)) {
			struct minute m;
			memset(&m, 0, sizeof m);
			snprintf(m.meeting_id, sizeof m.meeting_id, "%s", L.ms.m.id);
			snprintf(m.speaker_id, sizeof m.speaker_id, "%s", L.speaker.id);
			snprintf(m.speaker, sizeof m.speaker, "%s", L.speaker.name);
			if (L.nitems)
				snprintf(m.agenda_id, sizeof m.agenda_id, "%s", L.items[L.item].id);
			if (live_time())
				snprintf(m.at, sizeof m.at, "%s", live_time());
			m.text = edbuf_get(&e);
			ys_trim(m.text);
			if (ops_minute_add(u->st, &m, err, sizeof err) == 0) {
				edbuf_clear(&e);
				if (strcmp(m.at, L.ms.latest) > 0)
					snprintf(L.ms.latest, sizeof L.ms.latest, "%s", m.at);
				if (L.nminutes >= 0)
					L.nminutes++;
				ui_message(u, UA_OK, "已保存第 %d 条记录（%s %s）。", m.seq, m.at, m.speaker);
			}
			free(m.text);
		} else if (ui_edit_key(&e, k, paste, u->cols - 4) && ui_edit_dropped) {
			snprintf(err, sizeof err, "一条记录最多 %d 个字，粘贴的内容多出 %zu 个字：没有粘贴。"
			         "请分成几段，每段粘贴后按 Enter 保存为一条。", MINUTE_MAX_CHARS, ui_edit_dropped);
		} else if (e.len >= MINUTE_MAX_CHARS && k >= 32 && !(k & 0x40000000)) {
			snprintf(err, sizeof err, "一条记录最多 %d 个字：请按 Enter 保存这一条，再接着记下一条。",
			         MINUTE_MAX_CHARS);
		}
		free(paste);
	}
	curs_set(0);
	edbuf_free(&e);
}


/* ---- corrections of the minutes, before they are signed ---------------- */

void live_minute_move(struct ui *u, int d)
{
	if (L.nminutes < 0)
		L.nminutes = store_minute_count(u->st, L.ms.m.id);
	int cur = L.msel > 0 ? L.msel : L.nminutes;
	cur += d;
	if (cur < 1)
		cur = 1;
	L.msel = cur >= L.nminutes ? 0 : cur;
}

/* the selected line (the newest when none is chosen); 0 or -1 */
static int selected_minute(struct ui *u, struct minute *m)
{
	int n = store_minute_page(u->st, L.ms.m.id, L.msel > 0 ? L.msel + 1 : 1 << 30, -1, m, 1);
	if (n != 1) {
		ui_error(u, "还没有记录。");
		return -1;
	}
	return 0;
}

enum { MF_TIME, MF_SPEAKER, MF_TEXT, MF_REASON, MF_N };

struct mfix {
	struct minute m;         /* the line corrected, or where one goes in */
	int insert;
};

static int mfix_submit(struct ui *u, struct form *fm, void *arg)
{
	struct mfix *mf = arg;
	struct minute row = mf->m;
	char err[512], *t = form_get_text(fm, MF_TIME), *r = form_get_text(fm, MF_REASON);
	const struct field *sp = &fm->f[MF_SPEAKER];
	int rc;

	ys_strlcpy(row.at, t, sizeof row.at);
	row.speaker_id[0] = row.speaker[0] = '\0';
	if (sp->npeople) {
		ys_strlcpy(row.speaker_id, sp->people[0].id, sizeof row.speaker_id);
		ys_strlcpy(row.speaker, sp->people[0].name, sizeof row.speaker);
	}
	row.text = form_get_text(fm, MF_TEXT);
	if (mf->insert) {
		row.id[0] = '\0';
		rc = ops_minute_insert(u->st, &row, mf->m.seq, r, err, sizeof err);
	} else {
		rc = ops_minute_fix(u->st, &row, r, err, sizeof err);
	}
	if (rc != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else
		ui_message(u, UA_OK, "%s第 %d 条发言（%s %s）；记入修改记录。", mf->insert ? "已补记" : "已修改",
		           row.seq, row.at, row.speaker);
	free(row.text);
	free(t);
	free(r);
	return rc == 0 ? 0 : -1;
}

static void minute_form(struct ui *u, int insert)
{
	struct mfix mf;
	char title[128];

	memset(&mf, 0, sizeof mf);
	if (selected_minute(u, &mf.m) != 0)
		return;
	mf.insert = insert;
	struct field f[MF_N] = {
		[MF_TIME] = { .label = "时间", .type = FT_TIME, .required = 1, .maxchars = 5,
		              .hint = "按纸面记录，时:分" },
		[MF_SPEAKER] = { .label = "发言人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		                 .present_at = L.ms.m.id,
		                 .hint = "Enter 选择（出席的人在前），或输入姓名" },
		[MF_TEXT] = { .label = "内容", .type = FT_MULTI, .required = 1, .rows = 5,
		                .maxchars = MINUTE_MAX_CHARS },
		[MF_REASON] = { .label = "理由", .type = FT_TEXT, .maxchars = 100,
		                .hint = "可空；写明后随改动记入修改记录" },
	};
	if (insert)
		snprintf(title, sizeof title, "补记一条发言（在第 %d 条之前）", mf.m.seq);
	else
		snprintf(title, sizeof title, "修改第 %d 条发言", mf.m.seq);
	struct form fm = { .title = title, .f = f, .n = MF_N, .submit = mfix_submit, .arg = &mf };
	form_init(&fm);
	form_set_text(&fm, MF_TIME, mf.m.at);
	if (!insert) {
		ys_strlcpy(f[MF_SPEAKER].people[0].id, mf.m.speaker_id, sizeof f[MF_SPEAKER].people[0].id);
		ys_strlcpy(f[MF_SPEAKER].people[0].name, mf.m.speaker,
		           sizeof f[MF_SPEAKER].people[0].name);
		f[MF_SPEAKER].npeople = mf.m.speaker[0] ? 1 : 0;
		form_set_text(&fm, MF_TEXT, mf.m.text ? mf.m.text : "");
	}
	if (form_run(u, &fm))
		L.nminutes = -1;
	form_free(&fm);
	minute_clear(&mf.m);
	live_reload(u);
}

void live_minute_fix(struct ui *u)
{
	minute_form(u, 0);
}

void live_minute_insert(struct ui *u)
{
	minute_form(u, 1);
}

void live_minute_delete(struct ui *u)
{
	struct minute m;
	char q[512], err[512], *reason = NULL;

	if (selected_minute(u, &m) != 0)
		return;
	char *gist = text_fit(m.text ? m.text : "", 40, TEXT_ELLIPSIS);
	snprintf(q, sizeof q, "删除第 %d 条发言「%s %s：%s」？", m.seq, m.at, m.speaker, gist);
	free(gist);
	if (ui_confirm(u, q) &&
	    ui_prompt(u, "删除发言", "删除的理由（可空，记入修改记录）：", NULL, 100, &reason)) {
		if (ops_minute_delete(u->st, L.ms.m.id, m.id, reason, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "已删除第 %d 条发言；记入修改记录（按 h 查看）。", m.seq);
		L.msel = 0;
	}
	free(reason);
	minute_clear(&m);
	live_reload(u);
}

/* a search opened a line of the minutes: the 记录 pane with it selected */
void ui_live_show_minute(struct ui *u, int seq)
{
	u->pane = PANE_MINUTES;
	L.nminutes = store_minute_count(u->st, L.ms.m.id);
	L.msel = seq > 0 && seq < L.nminutes ? seq : 0;
}
