/* ui_dialog.c: modal dialogs drawn over the current screen: confirm,
 * one-line and multi-line prompts, a choice list, the people picker, and
 * the key handling shared by every text field. */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"

struct box { int y, x, h, w; };

/* a box of h×w centred (clamped to the screen), with a title bar, ASCII
 * sides (ASCII is one column in every terminal) and a hint row */
static struct box box_draw(struct ui *u, int h, int w, const char *title, const char *hint)
{
	struct box b;
	ui_draw_frame(u);
	/* the keys at the foot and the title are never cut when there is room */
	if (hint && text_width(hint) + 3 > w)
		w = text_width(hint) + 3;
	if (title && text_width(title) + 3 > w)
		w = text_width(title) + 3;
	if (w > u->cols - 2)
		w = u->cols - 2;
	if (h > u->rows - 2)
		h = u->rows - 2;
	b.h = h;
	b.w = w;
	b.y = (u->rows - h) / 2;
	b.x = (u->cols - w) / 2;
	ui_putf(b.y, b.x, w, TEXT_ELLIPSIS, UA_TITLE, " %s", title);
	for (int i = 1; i < h - 1; i++) {
		ui_put(b.y + i, b.x, 1, "|", 0, UA_NORMAL);
		ui_fill(b.y + i, b.x + 1, w - 2, UA_NORMAL);
		ui_put(b.y + i, b.x + w - 1, 1, "|", 0, UA_NORMAL);
	}
	ui_fill(b.y + h - 1, b.x, w, UA_TAB);
	ui_putf(b.y + h - 1, b.x, w, TEXT_ELLIPSIS, UA_TAB, " %s", hint ? hint : "");
	return b;
}

static void show(void)
{
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- text editing keys, shared by prompts and forms ---------------------- */
/* Returns 1 if the key was an editing key (handled), 0 otherwise.  For
 * single-line buffers Enter is not handled (the caller submits). */
size_t ui_edit_dropped;
int ui_edit_key(struct edbuf *e, int key, const char *paste, int cols)
{
	ui_edit_dropped = 0;
	switch (key) {
	case UI_KEY_PASTE:
		/* a paste that does not fit is refused whole; the caller says so */
		if (paste && (ui_edit_dropped = edbuf_insert_utf8(e, paste, strlen(paste))) > 0)
			beep();
		return 1;
	case KC(KEY_BACKSPACE): case 127: case 8:
		edbuf_backspace(e); return 1;
	case KC(KEY_DC): case 4:
		edbuf_delete(e); return 1;
	case KC(KEY_LEFT): case 2:
		edbuf_left(e); return 1;
	case KC(KEY_RIGHT): case 6:
		edbuf_right(e); return 1;
	case KC(KEY_HOME): case 1:
		edbuf_home(e); return 1;
	case KC(KEY_END): case 5:
		edbuf_end(e); return 1;
	case 11:
		edbuf_kill_to_end(e); return 1;
	case 21:
		edbuf_kill_to_start(e); return 1;
	case KC(KEY_SLEFT): case KC(0x220) /* ^Left in xterm */:
		edbuf_word_left(e); return 1;
	case KC(KEY_SRIGHT): case KC(0x22f):
		edbuf_word_right(e); return 1;
	}
	if (e->multiline) {
		if (key == '\r' || key == '\n' || key == KC(KEY_ENTER)) {
			if (edbuf_insert(e, '\n') < 0)
				beep();
			return 1;
		}
		if (key == KC(KEY_UP)) {
			edbuf_up(e, cols); return 1;
		}
		if (key == KC(KEY_DOWN)) {
			edbuf_down(e, cols); return 1;
		}
	}
	if (key >= 32 && key != 127 && !(key & 0x40000000) && key < 0x110000) {
		if (edbuf_insert(e, (wchar_t)key) < 0)
			beep();
		return 1;
	}
	return 0;
}

/* draw a single-line buffer in a field and return the cursor column */
int ui_draw_line_field(struct edbuf *e, int y, int x, int cols, int attr)
{
	size_t len = (size_t)cols * 4 + 8;
	char *buf = xmalloc(len);
	int cc = 0;
	edbuf_render_line(e, cols, buf, len, &cc);
	ui_put(y, x, cols, buf, 0, attr);
	free(buf);
	return cc;
}

/* draw a multi-line buffer in rows×cols, scrolled so the cursor shows;
 * returns the cursor row/column relative to the area */
void ui_draw_multi_field(struct edbuf *e, int y, int x, int rows, int cols,
                         int attr, int *crow, int *ccol)
{
	struct edrow *r = NULL;
	size_t n = edbuf_layout(e, cols, &r);
	int row, col;
	edbuf_cursor_pos(e, cols, &row, &col);
	if (row < e->scroll)
		e->scroll = row;
	if (row >= e->scroll + rows)
		e->scroll = row - rows + 1;
	for (int i = 0; i < rows; i++) {
		size_t vi = (size_t)(e->scroll + i);
		if (vi < n) {
			struct edbuf tmp = *e;      /* view of one row */
			tmp.w = e->w + r[vi].start;
			tmp.len = r[vi].len;
			tmp.multiline = 0;
			char *s = edbuf_get(&tmp);
			ui_put(y + i, x, cols, s, 0, attr);
			free(s);
		} else {
			ui_fill(y + i, x, cols, attr);
		}
	}
	free(r);
	*crow = row - e->scroll;
	*ccol = col;
}

/* ---- confirm ------------------------------------------------------------- */
#define ASK_LINES 12
struct confirm_lines { char line[ASK_LINES][256]; int n; };

static void confirm_line_cb(const char *line, size_t nbytes, void *arg)
{
	struct confirm_lines *c = arg;
	if (c->n < ASK_LINES)
		snprintf(c->line[c->n], sizeof c->line[0], "%.*s", (int)nbytes, line);
	c->n++;
}

/* the text wraps onto as many lines as the box can hold (the terminal's
 * height allowing): nothing of it is cut at 80×24 */
int ui_ask(struct ui *u, const char *title, const char *text, const char *keys)
{
	for (;;) {
		int w = text_width(text) + 6, kw = text_width(keys) + 4;
		if (w < 40)
			w = 40;
		if (w < kw)
			w = kw;
		if (w > u->cols - 2)
			w = u->cols - 2;
		struct confirm_lines cl = { .n = 0 };
		text_wrap(text, w - 4, confirm_line_cb, &cl);
		int room = u->rows - 6 < ASK_LINES ? u->rows - 6 : ASK_LINES;
		int nl = cl.n < room ? cl.n : room;
		if (nl < 1)
			nl = 1;
		struct box b = box_draw(u, 4 + nl, w, title, keys);
		for (int i = 0; i < nl && i < cl.n; i++)
			ui_put(b.y + 2 + i, b.x + 2, b.w - 4, cl.line[i], TEXT_ELLIPSIS, UA_NORMAL);
		show();
		int k = ui_getkey(u, NULL);
		if (k == 'y' || k == 'Y' || ui_is_enter(k))
			return 1;
		if (k == 'n' || k == 'N' || k == 27)
			return 0;
	}
}

int ui_confirm(struct ui *u, const char *question)
{
	return ui_ask(u, "请确认", question, "y/Enter 确定   n/Esc 取消");
}

/* ---- one-line prompt ----------------------------------------------------- */
static int prompt_line(struct ui *u, const char *title, const char *label,
                       const char *initial, size_t maxchars, int required, char **out);

int ui_prompt(struct ui *u, const char *title, const char *label,
              const char *initial, size_t maxchars, char **out)
{
	return prompt_line(u, title, label, initial, maxchars, 0, out);
}

int ui_prompt_required(struct ui *u, const char *title, const char *label,
                       const char *initial, size_t maxchars, char **out)
{
	return prompt_line(u, title, label, initial, maxchars, 1, out);
}

static int prompt_line(struct ui *u, const char *title, const char *label,
                       const char *initial, size_t maxchars, int required, char **out)
{
	struct edbuf e;
	char err[160] = "";
	edbuf_init(&e, 0, maxchars);
	if (initial)
		edbuf_set(&e, initial);
	int ok = 0;
	curs_set(1);
	for (;;) {
		struct box b = box_draw(u, 7, 70, title, "Enter 确定   Esc 取消");
		ui_put(b.y + 2, b.x + 2, b.w - 4, label, TEXT_ELLIPSIS, UA_NORMAL);
		int cc = ui_draw_line_field(&e, b.y + 3, b.x + 2, b.w - 4, UA_FIELD_ON);
		ui_put(b.y + 4, b.x + 2, b.w - 4, err, TEXT_ELLIPSIS, UA_ERR);
		ui_cursor(b.y + 3, b.x + 2 + cc);
		show();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		if (k == 27)
			break;
		if (ui_is_enter(k)) {
			*out = edbuf_get(&e);
			ys_trim(*out);
			if (required && !(*out)[0]) {
				free(*out);
				*out = NULL;
				snprintf(err, sizeof err, "不能为空：请填写后再按 Enter，或按 Esc 取消。");
				beep();
				continue;
			}
			ok = 1;
			break;
		}
		err[0] = '\0';
		size_t before = e.len;
		if (!ui_edit_key(&e, k, paste, b.w - 4))
			beep();
		else if (ui_edit_dropped)
			snprintf(err, sizeof err, "最多 %zu 个字，粘贴的内容多出 %zu 个字：没有粘贴，请删减后再粘贴。",
			         maxchars, ui_edit_dropped);
		else if (maxchars && e.len == before && e.len >= maxchars && k != KC(KEY_RESIZE))
			snprintf(err, sizeof err, "最多 %zu 个字。", maxchars);
		free(paste);
	}
	curs_set(0);
	edbuf_free(&e);
	return ok;
}

/* ---- multi-line prompt --------------------------------------------------- */
int ui_prompt_text(struct ui *u, const char *title, const char *initial, char **out)
{
	struct edbuf e;
	edbuf_init(&e, 1, 0);
	if (initial)
		edbuf_set(&e, initial);
	int ok = 0;
	curs_set(1);
	for (;;) {
		int h = u->rows - 4 < 14 ? u->rows - 4 : 14;
		struct box b = box_draw(u, h, 72, title, "Enter 换行  " UI_SAVE("确定") "  Esc 取消");
		int cr, ccol;
		ui_draw_multi_field(&e, b.y + 1, b.x + 2, b.h - 2, b.w - 4, UA_NORMAL, &cr, &ccol);
		ui_cursor(b.y + 1 + cr, b.x + 2 + ccol);
		show();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		if (k == 27)
			break;
		if (k == 19 || k == KC(KEY_F(10))) {
			*out = edbuf_get(&e);
			ok = 1;
			break;
		}
		ui_edit_key(&e, k, paste, b.w - 4);
		free(paste);
	}
	curs_set(0);
	edbuf_free(&e);
	return ok;
}

struct hint_lines {
	char line[4][256];
	int n;
};

static void hint_line_cb(const char *s, size_t n, void *arg)
{
	struct hint_lines *h = arg;
	if (h->n < 4)
		snprintf(h->line[h->n++], sizeof h->line[0], "%.*s", (int)n, s);
}

int ui_prompt_multi(struct ui *u, const char *title, const char *hint, const char *initial,
                    size_t maxbytes, int required, char **out)
{
	struct edbuf e;
	char msg[256] = "";
	int ok = 0;

	edbuf_init(&e, 1, 0);
	if (initial)
		edbuf_set(&e, initial);
	curs_set(1);
	for (;;) {
		/* as large as the terminal allows: long text wraps, nothing
		 * scrolls out of sight sideways */
		int w = u->cols - 6 > 100 ? 100 : u->cols - 6;
		int h = u->rows - 4 > 20 ? 20 : u->rows - 4;
		struct hint_lines hl = { .n = 0 };
		if (hint && *hint)
			text_wrap(hint, w - 4, hint_line_cb, &hl);
		struct box b = box_draw(u, h, w, title, "Enter 换行  " UI_SAVE("确定") "  Esc 取消");
		for (int i = 0; i < hl.n; i++)
			ui_put(b.y + 1 + i, b.x + 2, b.w - 4, hl.line[i], TEXT_ELLIPSIS, UA_DIM);
		int top = b.y + 1 + hl.n + (hl.n > 0), rows = b.h - 3 - hl.n - (hl.n > 0);
		int cr, ccol;
		ui_draw_multi_field(&e, top, b.x + 2, rows, b.w - 4, UA_FIELD_ON, &cr, &ccol);
		ui_put(b.y + b.h - 2, b.x + 2, b.w - 4, msg, TEXT_ELLIPSIS, UA_ERR);
		ui_cursor(top + cr, b.x + 2 + ccol);
		show();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		msg[0] = '\0';
		if (k == 27) {
			free(paste);
			break;
		}
		if (k == 19 || k == KC(KEY_F(10))) {
			char *t = edbuf_get(&e);
			ys_trim(t);
			if (required && !t[0]) {
				snprintf(msg, sizeof msg, "「%s」不能为空。", title);
				free(t);
			} else if (maxbytes && strlen(t) >= maxbytes) {
				snprintf(msg, sizeof msg, "内容过长（最多约 %zu 个字），请精简。", (maxbytes - 1) / 3);
				free(t);
			} else {
				*out = t;
				ok = 1;
				break;
			}
		} else {
			ui_edit_key(&e, k, paste, b.w - 4);
		}
		free(paste);
	}
	curs_set(0);
	edbuf_free(&e);
	return ok;
}

/* ---- choose one ---------------------------------------------------------- */
int ui_choose(struct ui *u, const char *title, const char *const *items, int n, int *sel)
{
	int cur = *sel >= 0 && *sel < n ? *sel : 0, top = 0;
	for (;;) {
		int w = text_width(title) + 8;
		for (int i = 0; i < n; i++)
			if (text_width(items[i]) + 8 > w)
				w = text_width(items[i]) + 8;
		int h = n + 4;
		struct box b = box_draw(u, h, w, title, "↑↓ 选择  Enter 确定  Esc 取消");
		int vis = b.h - 3;
		if (cur < top)
			top = cur;
		if (cur >= top + vis)
			top = cur - vis + 1;
		for (int i = 0; i < vis && top + i < n; i++)
			ui_putf(b.y + 2 + i, b.x + 2, b.w - 4, TEXT_ELLIPSIS,
			        top + i == cur ? UA_SEL : UA_NORMAL, top + i < 9 ? "%d %s" : "  %.0d%s",
			        top + i < 9 ? top + i + 1 : 0, items[top + i]);
		show();
		int k = ui_getkey(u, NULL);
		if (k == 27)
			return 0;
		if (ui_is_enter(k)) {
			*sel = cur;
			return 1;
		}
		if (k >= '1' && k <= '9' && k - '1' < n) {
			*sel = k - '1';
			return 1;
		}
		if ((k == KC(KEY_DOWN) || k == 'j') && cur < n - 1)
			cur++;
		if ((k == KC(KEY_UP) || k == 'k') && cur > 0)
			cur--;
	}
}

/* ---- people picker ------------------------------------------------------- */
#define PICK_MAX 64
int ui_pick_people(struct ui *u, const char *title, int roles, int multi,
                   int free_text, const char *present_at, struct person *out, int max, int *n)
{
	struct edbuf q;
	struct person rows[PICK_MAX];
	int nrows = 0, cur = 0, after = 0, ok = 0;
	char *qs = NULL;
	edbuf_init(&q, 0, 20);
	curs_set(1);
	for (;;) {
		int h = u->rows - 2 > 20 ? 20 : u->rows - 2;
		struct box b = box_draw(u, h, 64, title,
		                        multi ? "输入姓名查找  ↑↓ 选择  空格 勾选  Enter 完成  Esc 取消"
		                              : "输入姓名查找  ↑↓ 选择  Enter 确定  Esc 取消");
		int vis = b.h - 5;
		if (vis > PICK_MAX)
			vis = PICK_MAX;
		free(qs);
		qs = edbuf_get(&q);
		ys_trim(qs);
		struct person_query pq = { qs, roles, 1, present_at };
		int extra = free_text && qs[0] ? 1 : 0;   /* last row: the typed name */
		nrows = store_person_page(u->st, &pq, after, 1, rows, vis - extra);
		if (nrows < 0)
			nrows = 0;
		int total = nrows + extra;
		if (cur >= total)
			cur = total ? total - 1 : 0;
		ui_put(b.y + 1, b.x + 2, 8, "姓名：", 0, UA_NORMAL);
		int cc = ui_draw_line_field(&q, b.y + 1, b.x + 10, b.w - 12, UA_FIELD_ON);
		char chosen[256] = "";
		for (int i = 0; i < *n; i++) {
			size_t l = strlen(chosen);
			snprintf(chosen + l, sizeof chosen - l, "%s%s", i ? "、" : "", out[i].name);
		}
		if (multi)
			ui_putf(b.y + 2, b.x + 2, b.w - 4, TEXT_ELLIPSIS, UA_OK, "已选：%s", *n ? chosen : "（无）");
		for (int i = 0; i < vis; i++) {
			int y = b.y + 3 + i;
			if (i >= total) {
				ui_fill(y, b.x + 2, b.w - 4, UA_NORMAL);
				continue;
			}
			int attr = i == cur ? UA_SEL : UA_NORMAL;
			if (extra && i == nrows) {
				ui_putf(y, b.x + 2, b.w - 4, TEXT_ELLIPSIS, attr, "  %s（不在花名册，按输入登记）", qs);
				continue;
			}
			struct person *p = &rows[i];
			char rl[128];
			roles_format(p->roles, rl, sizeof rl);
			int mark = 0;
			for (int j = 0; j < *n; j++)
				if (strcmp(out[j].id, p->id) == 0)
					mark = 1;
			char *nm = text_fit(p->name, 8, TEXT_ELLIPSIS);
			char *gr = text_fit(p->grid, 8, TEXT_ELLIPSIS);
			ui_putf(y, b.x + 2, b.w - 4, TEXT_ELLIPSIS, attr, "%s%4d %s %s%s %s",
			        mark ? "✓" : " ", p->no, nm, present_at && *present_at
			        ? (p->rank < PERSON_AWAY ? "出席 " : "     ") : "", gr, rl);
			free(nm);
			free(gr);
		}
		if (total == 0)
			ui_put(b.y + 3, b.x + 2, b.w - 4, "没有找到。", 0, UA_DIM);
		ui_cursor(b.y + 1, b.x + 10 + cc);
		show();
		char *paste = NULL;
		int k = ui_getkey(u, &paste);
		if (k == 27) {
			free(paste);
			break;
		}
		if (k == KC(KEY_DOWN)) {
			if (cur < total - 1)
				cur++;
			else if (nrows == vis - extra && nrows > 0)
				after = rows[0].rank;            /* scroll by one */
			continue;
		}
		if (k == KC(KEY_UP)) {
			if (cur > 0)
				cur--;
			else if (after > 0) {
				struct person prev[2];
				int m = store_person_page(u->st, &pq, rows[0].rank, -1, prev, 2);
				after = m == 2 ? prev[0].rank : 0;
			}
			continue;
		}
		int pick = -1;   /* index into the shown rows */
		if (ui_is_enter(k) || (multi && k == ' '))
			pick = total ? cur : -1;
		if (pick >= 0) {
			struct person sel;
			if (extra && pick == nrows) {
				memset(&sel, 0, sizeof sel);
				ys_strlcpy(sel.name, qs, sizeof sel.name);
			} else {
				sel = rows[pick];
			}
			int found = -1;
			for (int j = 0; j < *n; j++)
				if (strcmp(out[j].name, sel.name) == 0 && strcmp(out[j].id, sel.id) == 0)
					found = j;
			if (!multi) {
				out[0] = sel;
				*n = 1;
				ok = 1;
				break;
			}
			if (k == ' ' || (ui_is_enter(k) && found < 0 && *n == 0)) {
				if (found >= 0) {
					memmove(&out[found], &out[found + 1], sizeof *out * (size_t)(*n - found - 1));
					(*n)--;
				} else if (*n < max) {
					out[(*n)++] = sel;
				} else {
					beep();
				}
				if (k == ' ')
					continue;
			}
			ok = 1;
			break;
		}
		if (ui_is_enter(k) && multi) {
			ok = 1;
			break;
		}
		if (k != ' ' || !multi) {
			if (ui_edit_key(&q, k, paste, b.w - 12)) {
				after = 0;
				cur = 0;
			}
		}
		free(paste);
	}
	curs_set(0);
	free(qs);
	edbuf_free(&q);
	return ok;
}
