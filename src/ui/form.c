/* ui_form.c: a form of labelled fields in a modal box.  Text typed into a
 * form is kept until it is saved or the clerk confirms throwing it away;
 * a failed save leaves every field as it was, with the reason shown. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "model/core.h"
#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"

#define LABEL_W 12
static int g_fw = 60;      /* width of the text fields as last drawn */

static int is_text(const struct field *f)
{
	return f->type == FT_TEXT || f->type == FT_MULTI || f->type == FT_NUMBER
	    || f->type == FT_DATE || f->type == FT_TIME;
}

void form_init(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];
		if (is_text(f) && !f->eb) {
			f->eb = xcalloc(1, sizeof *f->eb);
			edbuf_init(f->eb, f->type == FT_MULTI, f->maxchars);
		}
		if (f->type == FT_MULTI && f->rows <= 0)
			f->rows = 4;
	}
	fm->focus = 0;
	fm->msg[0] = '\0';
}

void form_free(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		if (fm->f[i].eb) {
			edbuf_free(fm->f[i].eb);
			free(fm->f[i].eb);
			fm->f[i].eb = NULL;
		}
	}
}

void form_set_text(struct form *fm, int i, const char *s)
{
	if (fm->f[i].eb) {
		edbuf_set(fm->f[i].eb, s ? s : "");
		/* a text of several lines is read from its beginning */
		if (fm->f[i].type == FT_MULTI) {
			fm->f[i].eb->cur = 0;
			fm->f[i].eb->scroll = 0;
		}
	}
}

char *form_get_text(const struct form *fm, int i)
{
	if (!fm->f[i].eb)
		return xstrdup("");
	char *s = edbuf_get(fm->f[i].eb);
	if (fm->f[i].type != FT_MULTI)
		ys_trim(s);
	return s;
}

static int field_empty(const struct form *fm, int i)
{
	const struct field *f = &fm->f[i];
	switch (f->type) {
	case FT_PEOPLE:
		return f->npeople == 0;
	case FT_LIST:
		for (int j = 0; j < f->nitems && j < 64; j++)
			if (f->checked[j])
				return 0;
		return 1;
	case FT_CHOICE:
		return 0;
	default: {
		char *s = form_get_text(fm, i);
		ys_trim(s);
		int e = s[0] == '\0';
		free(s);
		return e;
	}
	}
}

/* checks every form can make without knowing what it is for */
static int form_validate(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];
		if (f->required && field_empty(fm, i)) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」不能为空。", f->label);
			fm->focus = i;
			return -1;
		}
		if (field_empty(fm, i))
			continue;
		char *s = is_text(f) ? form_get_text(fm, i) : NULL;
		int bad = 0;
		struct tm tm;
		int hh, mm, v;
		char err[160];
		if (f->type == FT_DATE && ys_parse_date(s, &tm) != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」应为有效日期，如 2026-11-22：%s", f->label, s);
			bad = 1;
		} else if (f->type == FT_TIME && ys_parse_time(s, &hh, &mm) != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」应为 00:00 至 23:59 的时间，如 14:05：%s", f->label, s);
			bad = 1;
		} else if (f->type == FT_NUMBER &&
		           parse_count_in(s, f->min, f->max > 0 ? f->max : 1000000, &v, err,
		                          sizeof err) != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」%s", f->label, err);
			bad = 1;
		}
		free(s);
		if (bad) {
			fm->focus = i;
			return -1;
		}
	}
	return 0;
}

/* the check list behind an FT_LIST field */
static void list_pick(struct ui *u, struct field *f)
{
	int cur = 0, top = 0;
	for (;;) {
		ui_draw_frame(u);
		int w = u->cols - 4 > 76 ? 76 : u->cols - 4;
		int h = f->nitems + 4 > u->rows - 2 ? u->rows - 2 : f->nitems + 4;
		if (h < 6)
			h = 6;
		int y0 = (u->rows - h) / 2, x0 = (u->cols - w) / 2;
		/* the rows it takes blanked across: nothing of the screen under it
		 * shows at its sides */
		for (int i = 0; i < h; i++)
			ui_fill(y0 + i, 0, u->cols, UA_NORMAL);
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " %s", f->label);
		ui_put(y0 + h - 1, x0, w, " ↑↓ 选择  空格 勾选/取消  Enter 完成", TEXT_ELLIPSIS, UA_TAB);
		int vis = h - 3;
		if (cur < top)
			top = cur;
		if (cur >= top + vis)
			top = cur - vis + 1;
		if (f->nitems == 0)
			ui_put(y0 + 2, x0 + 2, w - 4, f->hint ? f->hint : "没有可选的项目。", TEXT_ELLIPSIS, UA_DIM);
		for (int i = 0; i < vis && top + i < f->nitems; i++) {
			int j = top + i;
			ui_putf(y0 + 2 + i, x0 + 2, w - 4, TEXT_ELLIPSIS, j == cur ? UA_SEL : UA_NORMAL,
			        "[%s] %s", f->checked[j] ? "x" : " ", f->items[j]);
		}
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27 || ui_is_enter(k))
			return;
		if (k == ' ' && f->nitems > 0 && cur < 64)
			f->checked[cur] = !f->checked[cur];
		if (k == KC(KEY_DOWN) && cur < f->nitems - 1)
			cur++;
		if (k == KC(KEY_UP) && cur > 0)
			cur--;
	}
}

static int field_height(const struct field *f)
{
	return f->type == FT_MULTI ? f->shown : 1;
}

#define FORM_W_MAX 100       /* columns of a form on a wide terminal */
#define MULTI_GROW 3         /* a multi-line field grows to 3× its rows */

/* The rows each multi-line field shows: its own number of rows, more on a
 * tall terminal (up to MULTI_GROW times, the box leaving two rows of the
 * screen), fewer on a short one (down to 1). */
static int form_layout(struct ui *u, struct form *fm)
{
	int h = 4, room = u->rows - 2, changed;

	for (int i = 0; i < fm->n; i++) {
		fm->f[i].shown = fm->f[i].rows;
		h += field_height(&fm->f[i]);
	}
	do {
		changed = 0;
		for (int i = 0; i < fm->n && h < room; i++) {
			struct field *f = &fm->f[i];
			if (f->type == FT_MULTI && f->shown < f->rows * MULTI_GROW) {
				f->shown++;
				h++;
				changed = 1;
			}
		}
	} while (changed && h < room);
	do {
		changed = 0;
		for (int i = 0; i < fm->n && h > u->rows - 1; i++) {
			struct field *f = &fm->f[i];
			if (f->type == FT_MULTI && f->shown > 1) {
				f->shown--;
				h--;
				changed = 1;
			}
		}
	} while (changed && h > u->rows - 1);
	return h;
}

/* the label column: the longest label with its * and ：, at least LABEL_W */
static int label_width(const struct form *fm)
{
	int lw = LABEL_W;
	for (int i = 0; i < fm->n; i++) {
		int w = text_width(fm->f[i].label) + 3;
		if (w > lw)
			lw = w;
	}
	return lw > 2 * LABEL_W ? 2 * LABEL_W : lw;
}

static void form_draw(struct ui *u, struct form *fm, int *cy, int *cx)
{
	ui_draw_frame(u);
	int w = u->cols - 2 > FORM_W_MAX ? FORM_W_MAX : u->cols - 2;
	int h = form_layout(u, fm), lw = label_width(fm);
	int y0 = (u->rows - h) / 2, x0 = (u->cols - w) / 2;
	if (y0 < 0)
		y0 = 0;
	ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " %s", fm->title);
	for (int i = 1; i < h - 1; i++)
		ui_fill(y0 + i, x0, w, UA_NORMAL);
	/* sides, so that the screen underneath does not show through */
	for (int i = 0; i < h; i++) {
		ui_put(y0 + i, x0 - 1, 1, "|", 0, UA_NORMAL);
		ui_put(y0 + i, x0 + w, 1, "|", 0, UA_NORMAL);
	}
	int y = y0 + 1, fx = x0 + lw + 1, fw = w - lw - 2;
	g_fw = fw;
	*cy = -1;
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];
		int on = i == fm->focus;
		ui_putf(y, x0 + 1, lw, TEXT_ELLIPSIS | TEXT_RIGHT, on ? UA_HEAD : UA_NORMAL,
		        "%s%s：", f->required ? "*" : "", f->label);
		int attr = on ? UA_FIELD_ON : UA_FIELD;
		switch (f->type) {
		case FT_MULTI: {
			int cr, cc;
			ui_draw_multi_field(f->eb, y, fx, f->shown, fw, attr, &cr, &cc);
			if (on) {
				*cy = y + cr;
				*cx = fx + cc;
			}
			break;
		}
		case FT_CHOICE:
			ui_putf(y, fx, fw, TEXT_ELLIPSIS, attr, "< %s >%s",
			        f->nchoices ? f->choices[f->choice] : "", on ? "   ←→ 更改" : "");
			break;
		case FT_PEOPLE: {
			struct strbuf sb = { 0 };
			sb_add(&sb, "");
			for (int j = 0; j < f->npeople; j++)
				sb_addf(&sb, "%s%s", j ? "、" : "", f->people[j].name);
			if (!f->npeople)
				sb_add(&sb, on ? "（按 Enter 从花名册选择）" : "（未选）");
			ui_put(y, fx, fw, sb.s, TEXT_ELLIPSIS, attr);
			sb_free(&sb);
			break;
		}
		case FT_LIST: {
			struct strbuf sb = { 0 };
			int c = 0;
			sb_add(&sb, "");
			for (int j = 0; j < f->nitems && j < 64; j++)
				if (f->checked[j]) {
					sb_addf(&sb, "%s%s", c ? "；" : "", f->items[j]);
					c++;
				}
			char *line = c ? xasprintf("%d 项：%s", c, sb.s)
			               : xstrdup(f->nitems ? "（按 Enter 勾选）" : "（没有可选的项目）");
			ui_put(y, fx, fw, line, TEXT_ELLIPSIS, attr);
			free(line);
			sb_free(&sb);
			break;
		}
		default: {
			int cc = ui_draw_line_field(f->eb, y, fx, fw, attr);
			if (on) {
				*cy = y;
				*cx = fx + cc;
			}
		}
		}
		y += field_height(f);
	}
	const struct field *ff = &fm->f[fm->focus];
	if (fm->msg[0]) {
		/* a refusal says what to do: it takes the rows left above the
		 * keys rather than being cut */
		int rows = y0 + h - 1 - y;
		ui_put_wrap(y, x0 + 1, w - 2, rows > 1 ? rows : 1, fm->msg, UA_ERR);
	}
	else if (ff->hint)
		ui_put(y, x0 + 1, w - 2, ff->hint, TEXT_ELLIPSIS, UA_DIM);
	ui_putf(y0 + h - 1, x0, w, TEXT_ELLIPSIS, UA_TAB,
	        ff->type == FT_MULTI ? " Tab 下一项  Enter 换行  " UI_SAVE("%s") "  Esc 取消"
	        : fm->focus == fm->n - 1 && ff->type != FT_PEOPLE && ff->type != FT_LIST
	        ? " Enter %s  Tab 回到第一项  Esc 取消"
	        : " Tab/Enter 下一项  " UI_SAVE("%s") "  Esc 取消",
	        fm->save ? fm->save : "保存");
}

int form_run(struct ui *u, struct form *fm)
{
	int saved = 0, touched = 0;
	for (;;) {
		int cy, cx;
		form_draw(u, fm, &cy, &cx);
		if (cy >= 0) {
			curs_set(1);
			ui_cursor(cy, cx);
		} else {
			curs_set(0);
		}
		wnoutrefresh(stdscr);
		doupdate();
		if (u->exit_after_frame)
			break;
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		struct field *f = &fm->f[fm->focus];
		if (k == KC(KEY_RESIZE))
			continue;
		if (k != UI_KEY_PASTE)
			fm->msg[0] = '\0';
		if (k == 27) {
			/* defaults filled in by the program are not the clerk's work */
			if (!touched || ui_confirm(u, "放弃本次输入的内容？"))
				break;
			continue;
		}
		if (k == 19 || k == KC(KEY_F(10))) {
			if (form_validate(fm) == 0 && fm->submit(u, fm, fm->arg) == 0) {
				saved = 1;
				break;
			}
			beep();
			continue;
		}
		int next = k == '\t' || (k == KC(KEY_DOWN) && f->type != FT_MULTI)
		        || (ui_is_enter(k) && (f->type == FT_TEXT || f->type == FT_NUMBER
		                               || f->type == FT_DATE || f->type == FT_TIME
		                               || f->type == FT_CHOICE));
		int prev = k == KC(KEY_BTAB) || (k == KC(KEY_UP) && f->type != FT_MULTI);
		if (next) {
			if (fm->focus < fm->n - 1) {
				fm->focus++;
			} else if (ui_is_enter(k)) {
				/* Enter in the last one-line field saves, as in
				 * every one-line dialog */
				if (form_validate(fm) == 0 && fm->submit(u, fm, fm->arg) == 0) {
					saved = 1;
					free(paste);
					break;
				}
				beep();
			} else {
				fm->focus = 0;
			}
			free(paste);
			continue;
		}
		if (prev) {
			fm->focus = fm->focus > 0 ? fm->focus - 1 : fm->n - 1;
			continue;
		}
		switch (f->type) {
		case FT_CHOICE:
			if (k == KC(KEY_LEFT) || k == KC(KEY_RIGHT) || k == ' ') {
				int d = k == KC(KEY_LEFT) ? -1 : 1;
				f->choice = (f->choice + d + f->nchoices) % f->nchoices;
				touched = 1;
				if (fm->changed)
					fm->changed(u, fm, fm->focus, fm->arg);
			}
			break;
		case FT_PEOPLE:
			if (ui_is_enter(k) || k == ' ') {
				int n = f->multi ? f->npeople : 0;
				if (ui_pick_people(u, f->label, f->roles, f->multi, f->free_text,
				                   f->present_at, f->people, 16, &n)) {
					f->npeople = n;
					touched = 1;
					if (fm->changed)
						fm->changed(u, fm, fm->focus, fm->arg);
				}
			} else if (k == KC(KEY_BACKSPACE) || k == 127 || k == KC(KEY_DC)) {
				if (f->npeople > 0) {
					f->npeople--;
					touched = 1;
				}
			}
			break;
		case FT_LIST:
			if (ui_is_enter(k) || k == ' ') {
				list_pick(u, f);
				touched = 1;
			}
			break;
		default: {
			size_t before = f->eb->len;
			if (!ui_edit_key(f->eb, k, paste, g_fw))
				beep();
			else if (ui_edit_dropped)
				snprintf(fm->msg, sizeof fm->msg, "「%s」最多 %zu 个字，粘贴的内容多出 %zu 个字：没有粘贴，请删减后再粘贴。",
				         f->label, f->maxchars, ui_edit_dropped);
			else if (f->maxchars && f->eb->len == before && f->eb->len >= f->maxchars
			         && (k == UI_KEY_PASTE || (k >= 32 && !(k & 0x40000000))))
				snprintf(fm->msg, sizeof fm->msg, "「%s」最多 %zu 个字，多出的没有输入。",
				         f->label, f->maxchars);
			if (f->eb->len != before)
				touched = 1;
		}
		}
		free(paste);
	}
	curs_set(0);
	return saved;
}
