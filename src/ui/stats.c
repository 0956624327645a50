/* stats.c: 统计 — the year (or a period) in numbers: the summary, then each
 * table of the annual ledger with a bar beside each row, scrolled with the
 * arrows.  ←/→ change the year, d asks for a period, p previews the report
 * with its charts for printing, x exports it (Excel with a sheet per table).
 * The numbers are the report's (model/stats.c): the screen, the paper and
 * the workbook show the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "model/stats.h"
#include "paper/doc.h"

/* a line of the scrolled view */
enum { L_TEXT, L_BLANK, L_SUMMARY, L_TITLE, L_HEAD, L_ROW, L_NOTE };
struct sline {
	int kind;
	int table, row;          /* L_TITLE, L_HEAD, L_ROW, L_NOTE */
	char *text;              /* L_TEXT: a line of the summary */
};

static struct {
	int loaded;
	int year;                /* the year shown, 0 when a period */
	char from[11], to[11];
	struct stats_report rep;
	struct sline *line;
	int nlines, cap;
	int width;               /* the lines were made for this width */
	int top;
	int rows;                /* lines shown at the last draw */
} S;

static void lines_free(void)
{
	for (int i = 0; i < S.nlines; i++)
		free(S.line[i].text);
	S.nlines = 0;
}

static void line_add(int kind, int table, int row, const char *text)
{
	if (S.nlines == S.cap) {
		S.cap = S.cap ? S.cap * 2 : 64;
		S.line = xrealloc(S.line, (size_t)S.cap * sizeof *S.line);
	}
	S.line[S.nlines++] = (struct sline){ kind, table, row, text ? xstrdup(text) : NULL };
}

/* a wrapped line of the summary (arg NULL) or of a table's note */
static void summary_cb(const char *line, size_t nbytes, void *arg)
{
	char *s = xasprintf("%.*s", (int)nbytes, line);
	const int *table = arg;

	line_add(table ? L_NOTE : L_TEXT, table ? *table : 0, 0, s);
	free(s);
}

static void lines_build(int width)
{
	lines_free();
	S.width = width;
	line_add(L_SUMMARY, 0, 0, NULL);
	text_wrap(S.rep.summary, width > 8 ? width : 8, summary_cb, NULL);
	for (int t = 0; t < S.rep.ntables; t++) {
		line_add(L_BLANK, t, 0, NULL);
		line_add(L_TITLE, t, 0, NULL);
		line_add(L_HEAD, t, 0, NULL);
		for (int r = 0; r < S.rep.table[t].nrows; r++)
			line_add(L_ROW, t, r, NULL);
		if (S.rep.table[t].note[0]) {
			char *note = xasprintf("注：%s", S.rep.table[t].note);

			text_wrap(note, width > 8 ? width : 8, summary_cb, &t);
			free(note);
		}
	}
}

static void load(struct ui *u)
{
	char today[11];

	stats_report_free(&S.rep);
	lines_free();
	ys_today(today);
	if (store_stats(u->st, S.from, S.to, today, &S.rep) != 0) {
		ui_error(u, "统计失败：%s", store_errmsg(u->st));
		memset(&S.rep, 0, sizeof S.rep);
	}
	S.width = 0;
	S.loaded = 1;
}

static void set_year(int year)
{
	char err[128];

	S.year = year;
	stats_period(year, NULL, NULL, S.from, S.to, err, sizeof err);
	S.top = 0;
}

static void stats_enter(struct ui *u)
{
	if (!S.loaded)
		set_year(ys_year_now());
	load(u);
}

/* ---- drawing ------------------------------------------------------------- */

/* the columns of table t at this width: the label's, each value's, and the
 * bar's (0 when there is no room or no chart) */
struct cols {
	int label, val[STAT_MAXCOL], bar;
};

static void table_cols(const struct stat_table *t, int w, struct cols *c)
{
	int used;

	c->label = text_width(t->label_head);
	for (int r = 0; r < t->nrows; r++)
		if (text_width(t->row[r].label) > c->label)
			c->label = text_width(t->row[r].label);
	if (c->label > 22)
		c->label = 22;
	used = c->label + 1;
	for (int k = 0; k < t->ncols; k++) {
		c->val[k] = text_width(t->head[k]);
		if (c->val[k] < 7)
			c->val[k] = 7;
		used += c->val[k] + 1;
	}
	c->bar = t->chart != SC_NONE ? w - used - 1 : 0;
	if (c->bar < 6)
		c->bar = 0;
	if (c->bar > 50)
		c->bar = 50;
}

/* the value the bar of row r stands for: the first charted column, or the
 * charted columns' sum when stacked; the longest such bar of the table */
static double bar_value(const struct stat_table *t, int r)
{
	double v = 0;

	for (int k = 0; k < t->ncols; k++)
		if (t->chart_cols >> k & 1) {
			if (t->row[r].v[k] > 0)
				v += t->row[r].v[k];
			if (t->chart != SC_STACKED)
				break;
		}
	return v;
}

static double bar_max(const struct stat_table *t)
{
	double m = 0;

	for (int r = 0; r < t->nrows - t->total; r++)
		if (bar_value(t, r) > m)
			m = bar_value(t, r);
	return m;
}

static void draw_line(const struct sline *l, int y, int w)
{
	const struct stat_table *t = l->kind == L_TEXT || l->kind == L_BLANK || l->kind == L_SUMMARY
	                             ? NULL : &S.rep.table[l->table];
	struct cols c;
	int x = 1;
	char cell[48];

	if (l->kind == L_TEXT) {
		ui_put(y, 1, w, l->text, 0, UA_NORMAL);
		return;
	}
	if (l->kind == L_SUMMARY) {
		ui_put(y, 1, w, "一、概况", 0, UA_TITLE);
		return;
	}
	if (l->kind == L_BLANK || !t) {
		ui_fill(y, 0, w + 2, UA_NORMAL);
		return;
	}
	if (l->kind == L_TITLE) {
		ui_putf(y, 1, w, TEXT_ELLIPSIS, UA_TITLE, "%s、%s", stat_number_cn(l->table + 2), t->title);
		return;
	}
	if (l->kind == L_NOTE) {
		ui_put(y, 1, w, l->text, 0, UA_DIM);
		return;
	}
	table_cols(t, w, &c);
	if (l->kind == L_HEAD) {
		ui_fill(y, 0, w + 2, UA_HEAD);
		ui_put(y, x, c.label, t->label_head, TEXT_ELLIPSIS, UA_HEAD);
		x += c.label + 1;
		for (int k = 0; k < t->ncols; k++) {
			ui_put(y, x, c.val[k], t->head[k], TEXT_RIGHT | TEXT_ELLIPSIS, UA_HEAD);
			x += c.val[k] + 1;
		}
		if (c.bar) {
			char what[96] = "";
			size_t off = 0;

			for (int k = 0; k < t->ncols; k++)
				if (t->chart_cols >> k & 1) {
					off += (size_t)snprintf(what + off, sizeof what - off, "%s%s",
					                        off ? "+" : "", t->head[k]);
					if (t->chart != SC_STACKED || off >= sizeof what)
						break;
				}
			ui_putf(y, x + 1, c.bar, TEXT_ELLIPSIS, UA_HEAD, "▏%s", what);
		}
		return;
	}
	/* L_ROW */
	{
		int total = t->total && l->row == t->nrows - 1;
		int attr = total ? UA_HEAD : UA_NORMAL;

		ui_fill(y, 0, w + 2, UA_NORMAL);
		ui_put(y, x, c.label, t->row[l->row].label, TEXT_ELLIPSIS, attr);
		x += c.label + 1;
		for (int k = 0; k < t->ncols; k++) {
			stat_cell(t, l->row, k, cell, sizeof cell);
			ui_put(y, x, c.val[k], cell, TEXT_RIGHT, attr);
			x += c.val[k] + 1;
		}
		if (c.bar && !total) {
			double m = bar_max(t), v = bar_value(t, l->row);

			int n = m > 0 ? (int)(v / m * c.bar + 0.5) : 0;
			struct strbuf sb = {0};

			if (n == 0 && v > 0)
				n = 1;          /* a count that is not nought shows */
			sb_add(&sb, "");
			for (int i = 0; i < n; i++)
				sb_add(&sb, "█");
			ui_put(y, x + 1, c.bar, sb.s, TEXT_NOPAD, UA_OK);
			sb_free(&sb);
		}
	}
}

static void stats_draw(struct ui *u, int top, int bottom)
{
	int w = u->cols - 2, h;
	char a[32], b[32];

	if (!S.loaded)
		stats_enter(u);
	if (S.width != w)
		lines_build(w);
	ys_cn_date_any(S.from, a);
	ys_cn_date_any(S.to, b);
	ui_fill(top, 0, u->cols, UA_NORMAL);
	if (S.year)
		ui_putf(top, 1, w, TEXT_ELLIPSIS, UA_TITLE, "统计期间：%s（%s至%s）    ←→ 换年份  d 指定起止日期",
		        S.rep.period, a, b);
	else
		ui_putf(top, 1, w, TEXT_ELLIPSIS, UA_TITLE, "统计期间：%s    ←→ 按年统计  d 改起止日期",
		        S.rep.period);
	h = bottom - top - 1;
	S.rows = h;
	if (S.top > S.nlines - h)
		S.top = S.nlines - h > 0 ? S.nlines - h : 0;
	for (int i = 0; i < h; i++) {
		int n = S.top + i;

		if (n < S.nlines)
			draw_line(&S.line[n], top + 1 + i, w);
		else
			ui_fill(top + 1 + i, 0, u->cols, UA_NORMAL);
	}
}

/* ---- actions ------------------------------------------------------------- */

enum { P_FROM, P_TO, P_N };

static int period_submit(struct ui *u, struct form *fm, void *arg)
{
	char *from = form_get_text(fm, P_FROM), *to = form_get_text(fm, P_TO);
	char f[11], t[11];
	int rc;

	(void)u;
	(void)arg;
	rc = stats_period(0, from, to, f, t, fm->msg, sizeof fm->msg);
	if (rc == 0) {
		memcpy(S.from, f, sizeof S.from);
		memcpy(S.to, t, sizeof S.to);
		S.year = 0;
		S.top = 0;
	}
	free(from);
	free(to);
	return rc;
}

static void ask_period(struct ui *u)
{
	struct field f[P_N] = {
		[P_FROM] = { .label = "起始日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "YYYY-MM-DD，这一天算在内" },
		[P_TO] = { .label = "截止日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		           .hint = "YYYY-MM-DD，这一天也算在内" },
	};
	struct form fm = { .title = "统计一段时间", .f = f, .n = P_N, .submit = period_submit,
	                   .save = "统计" };

	form_init(&fm);
	form_set_text(&fm, P_FROM, S.from);
	form_set_text(&fm, P_TO, S.to);
	if (form_run(u, &fm))
		load(u);
	form_free(&fm);
}

static void stats_action(struct ui *u, int action)
{
	int h = u->rows - 6;

	switch (action) {
	case K_LEFT:
	case K_RIGHT: {
		int y = S.year ? S.year : atoi(S.from);

		y += action == K_LEFT ? -1 : 1;
		if (y > ys_year_now()) {
			ui_message(u, UA_WARN, "%d 年还没到：统计到今年为止。", y);
			return;
		}
		if (y < 1900)
			return;
		set_year(y);
		load(u);
		return;
	}
	case K_PERIOD:
		ask_period(u);
		return;
	case K_NEXT_PAGE: {
		/* the next table's title at the top; when the last tables all
		 * show already, back to the start */
		int n = S.top + 1, last = S.nlines - S.rows > 0 ? S.nlines - S.rows : 0;

		while (n < S.nlines && S.line[n].kind != L_TITLE)
			n++;
		S.top = n < S.nlines && S.top < last ? (n < last ? n : last) : 0;
		return;
	}
	case K_PREVIEW: {
		struct doc d;

		stats_doc(u->comm.name, &S.rep, &d);
		ui_preview(u, &d);
		doc_free(&d);
		return;
	}
	case K_EXPORT:
		ui_export_stats(u, &S.rep);
		return;
	case K_UP: case K_DOWN: case K_PGUP: case K_PGDN: case K_HOME: case K_END: {
		int last = S.nlines - h > 0 ? S.nlines - h : 0;

		switch (action) {
		case K_UP:   S.top = S.top > 0 ? S.top - 1 : 0; break;
		case K_DOWN: S.top = S.top < last ? S.top + 1 : last; break;
		case K_PGUP: S.top = S.top > h ? S.top - h : 0; break;
		case K_PGDN: S.top = S.top + h < last ? S.top + h : last; break;
		case K_HOME: S.top = 0; break;
		case K_END:  S.top = last; break;
		}
		return;
	}
	}
}

const struct screen_def screen_stats = {
	.id = SCR_STATS, .title = "统计", .enter = stats_enter, .draw = stats_draw, .action = stats_action,
};
