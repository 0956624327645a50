/* ui_draw.c: drawing primitives.  ui_put() is the one way text reaches the
 * terminal: text_fit() sanitises it and fits it to exact columns first. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"

/* While the terminal is below the minimum size only the frame's notice is
 * drawn: dialogs keep their contents but do not scribble over the notice. */
int ui_small;
int ui_small_notice;

void ui_put(int y, int x, int cols, const char *s, int flags, int attr)
{
	int maxy, maxx;
	if (ui_small && !ui_small_notice)
		return;
	getmaxyx(stdscr, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || cols <= 0)
		return;
	if (x + cols > maxx)
		cols = maxx - x;
	char *fit = text_fit(s ? s : "", cols, flags);
	attrset(ui_attr(attr));
	/* the last cell of the last row would scroll: leave it alone */
	if (y == maxy - 1 && x + cols == maxx) {
		char *cut = text_fit(s ? s : "", cols - 1, flags);
		mvaddstr(y, x, cut);
		free(cut);
	} else {
		mvaddstr(y, x, fit);
	}
	attrset(A_NORMAL);
	free(fit);
}

/* ui_put_wrap: lines collected by text_wrap */
struct wrap_lines {
	struct strbuf all;       /* each line, NUL-terminated, one after another */
	int n;
};

static void wrap_line(const char *line, size_t nbytes, void *arg)
{
	struct wrap_lines *w = arg;
	sb_addn(&w->all, line, nbytes);
	sb_addn(&w->all, "", 1);
	w->n++;
}

int ui_put_wrap(int y, int x, int cols, int maxrows, const char *s, int attr)
{
	struct wrap_lines w = { { 0 }, 0 };
	const char *p;
	int rows = 0;

	if (cols <= 0 || maxrows <= 0)
		return 0;
	text_wrap(s ? s : "", cols, wrap_line, &w);
	p = w.all.s;
	for (int i = 0; i < w.n && p; i++) {
		if (rows == maxrows - 1 && i < w.n - 1) {
			/* the rest does not fit: this row, run on into the next
			 * line, is cut with … */
			char *more = xasprintf("%s%s", p, p + strlen(p) + 1);
			ui_put(y + rows++, x, cols, more, TEXT_ELLIPSIS, attr);
			free(more);
			break;
		}
		ui_put(y + rows++, x, cols, p, 0, attr);
		p += strlen(p) + 1;
	}
	sb_free(&w.all);
	return rows;
}

void ui_putf(int y, int x, int cols, int flags, int attr, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_put(y, x, cols, s, flags, attr);
	free(s);
}

void ui_fill(int y, int x, int cols, int attr)
{
	ui_put(y, x, cols, "", 0, attr);
}

void ui_hline(int y, int x, int cols, int attr)
{
	int maxy, maxx;
	getmaxyx(stdscr, maxy, maxx);
	(void)maxy;
	if (x + cols > maxx)
		cols = maxx - x;
	if (cols <= 0)
		return;
	char *s = xmalloc((size_t)cols + 1);
	for (int i = 0; i < cols; i++)
		s[i] = '-';
	s[cols] = '\0';
	ui_put(y, x, cols, s, 0, attr);
	free(s);
}

/* Bars are drawn with attributes on spaces, not block characters: block
 * elements are East Asian Ambiguous and would break alignment in terminals
 * that draw them wide. */
void ui_bar(int y, int x, int cols, long value, long total, int attr)
{
	if (cols <= 0)
		return;
	long filled = 0;
	if (total > 0 && value > 0) {
		filled = (value * cols + total / 2) / total;
		if (filled == 0)
			filled = 1;          /* a non-zero count is always visible */
		if (filled > cols)
			filled = cols;
	}
	if (filled > 0) {
		char *s = xmalloc((size_t)filled + 1);
		for (long i = 0; i < filled; i++)
			s[i] = ' ';
		s[filled] = '\0';
		ui_put(y, x, (int)filled, s, 0, attr);
		free(s);
	}
	if (cols - filled > 0) {
		char *s = xmalloc((size_t)(cols - filled) + 1);
		for (long i = 0; i < cols - filled; i++)
			s[i] = '.';
		s[cols - filled] = '\0';
		ui_put(y, x + (int)filled, (int)(cols - filled), s, 0, UA_DIM);
		free(s);
	}
}

/* A table row: each cell fitted to its width (display columns), one space
 * between cells; the last cell takes what is left up to `cols`. */
void ui_row(int y, int x, int cols, int attr, const char *const *cells,
            const int *widths, int n)
{
	int used = 0;
	ui_fill(y, x, cols, attr);
	for (int i = 0; i < n && used < cols; i++) {
		int w = i == n - 1 || widths[i] > cols - used ? cols - used : widths[i];
		int flags = TEXT_ELLIPSIS;
		if (w < 0)
			w = 0;
		if (widths[i] < 0) {        /* negative width: right-aligned */
			w = -widths[i] > cols - used ? cols - used : -widths[i];
			flags |= TEXT_RIGHT;
		}
		ui_put(y, x + used, w, cells[i] ? cells[i] : "", flags, attr);
		used += w + 1;
	}
}

/* roles as short marks for lists: "党委 居委 党 户" */
void ui_roles_short(int roles, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < role_count; i++) {
		if (!(roles & role_table[i].bit) || role_table[i].bit == ROLE_RESIDENT)
			continue;   /* 居民 is nearly everyone: it says nothing in a list */
		int n = snprintf(buf + used, len - used, "%s%s", used ? " " : "", role_table[i].abbr);
		if (n < 0 || (size_t)n >= len - used) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)n;
	}
}

void ui_roles_legend(char *buf, size_t len)
{
	size_t used = 0;
	int n = snprintf(buf, len, "身份简称：");
	if (n < 0 || (size_t)n >= len)
		return;
	used = (size_t)n;
	for (size_t i = 0; i < role_count; i++) {
		if (role_table[i].bit == ROLE_RESIDENT)
			continue;   /* not shown in lists (ui_roles_short) */
		n = snprintf(buf + used, len - used, "%s%s=%s", i ? " " : "", role_table[i].abbr,
		             role_table[i].name);
		if (n < 0 || (size_t)n >= len - used) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)n;
	}
}

/* show the text cursor at (y, x), unless the terminal is too small */
void ui_cursor(int y, int x)
{
	if (ui_small)
		return;
	curs_set(1);
	move(y, x);
}
