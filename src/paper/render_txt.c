/* render_txt.c: a doc as plain UTF-8 text wrapped at a number of display
 * columns with the Chinese line-breaking rules of text_wrap(): titles
 * centred, 落款 right-aligned, fields as "label：text" with the text's
 * continuation lines indented under the text, tables as columns aligned
 * by display width (text.h's widths: an ideograph is two columns). */
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "base/text.h"
#include "base/util.h"

enum align { AL_LEFT, AL_CENTER, AL_RIGHT };

struct emit {
	struct strbuf *out;
	int cols;
	int align;
	const char *first;      /* put before the first line ("label：") */
	int indent;             /* columns before every following line */
	int nlines;
};

static void spaces(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		sb_add(out, " ");
}

/* one wrapped line: aligned, trailing spaces dropped */
static void emit_line(const char *line, size_t nbytes, void *arg)
{
	struct emit *e = arg;
	char *s = xmalloc(nbytes + 1);
	size_t n = nbytes;
	int w;

	memcpy(s, line, nbytes);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	w = text_width(s);
	if (e->nlines == 0 && e->first) {
		sb_add(e->out, e->first);
	} else if (e->align == AL_LEFT && e->nlines > 0 && n) {
		spaces(e->out, e->indent);
	}
	if (n && e->align == AL_CENTER && w < e->cols)
		spaces(e->out, (e->cols - w) / 2);
	else if (n && e->align == AL_RIGHT && w < e->cols)
		spaces(e->out, e->cols - w);
	sb_add(e->out, s);
	sb_add(e->out, "\n");
	e->nlines++;
	free(s);
}

static void wrap(struct strbuf *out, const char *text, int cols, int align,
                 const char *first, int indent)
{
	struct emit e = { out, cols, align, first, indent, 0 };

	text_wrap(text, cols < 1 ? 1 : cols, emit_line, &e);
}

/* B_PARA: each line of the text a paragraph, the first line of each
 * indented by two characters */
static void para(struct strbuf *out, const char *text, int cols)
{
	const char *p = text;

	do {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *s = xmalloc(n + 5);

		memcpy(s, "    ", 4);
		memcpy(s + 4, p, n);
		s[n + 4] = '\0';
		wrap(out, s, cols, AL_LEFT, NULL, 0);
		free(s);
		p += n;
		if (*p == '\n')
			p++;
	} while (*p);
}

static void field(struct strbuf *out, const char *label, const char *text, int cols)
{
	char *first = xasprintf("%s：", label);
	int lw = text_width(first);

	if (!*label) {
		wrap(out, text, cols, AL_LEFT, NULL, 0);
	} else if (cols - lw >= 8 && lw <= cols / 2) {
		wrap(out, text, cols - lw, AL_LEFT, first, lw);
	} else {
		/* a label too wide to indent under: wrap the whole */
		char *all = xasprintf("%s%s", first, text);
		wrap(out, all, cols, AL_LEFT, NULL, 0);
		free(all);
	}
	free(first);
}

static void sign(struct strbuf *out, const char *label, const char *text, int cols)
{
	struct strbuf s = {0};
	int w, u;

	if (label && *label)
		sb_addf(&s, "%s：", label);
	sb_add(&s, text);
	w = text_width(s.s);
	u = cols - w;
	if (u > (w ? 24 : 60))
		u = w ? 24 : 60;
	if (u < 6)
		u = 6;
	for (int i = 0; i < u; i++)
		sb_add(&s, "_");
	if (text_width(s.s) > cols)
		wrap(out, s.s, cols, AL_LEFT, NULL, 0);
	else {
		sb_add(out, s.s);
		sb_add(out, "\n");
	}
	sb_add(out, "\n");          /* room to sign */
	sb_free(&s);
}

/* ---- tables -------------------------------------------------------------- */

#define TAB_GAP 2               /* columns between two cells */

struct lines {
	char **l;
	int n;
	int width;                      /* the widest */
};

static void add_line(const char *line, size_t nbytes, void *arg)
{
	struct lines *ls = arg;
	char *s = xmalloc(nbytes + 1);
	int w;

	memcpy(s, line, nbytes);
	s[nbytes] = '\0';
	w = text_width(s);
	if (w > ls->width)
		ls->width = w;
	ls->l = xrealloc(ls->l, (size_t)(ls->n + 1) * sizeof *ls->l);
	ls->l[ls->n++] = s;
}

static void lines_free(struct lines *ls)
{
	for (int i = 0; i < ls->n; i++)
		free(ls->l[i]);
	free(ls->l);
	memset(ls, 0, sizeof *ls);
}

/* the width a cell takes unwrapped (its widest line) */
static int cell_width(const char *cell)
{
	struct lines ls = {0};
	int w;

	text_wrap(cell, 1 << 20, add_line, &ls);
	w = ls.width;
	lines_free(&ls);
	return w;
}

/* The columns' widths for the table of blocks [from, to): each as wide as
 * its widest cell; too wide for cols, the widest column gives up a column
 * at a time (down to 2, one ideograph: its cells wrap); narrower, the room
 * left is shared out by the relative widths, so that the table fills the
 * width as it fills the text block on paper and the 签名 column has room.
 * Returns the number of columns.  (With more than cols / 4 columns even
 * the narrowest table is wider than cols, and its lines run over.) */
static int table_widths(const struct doc *d, size_t from, size_t to, int cols,
                        int w[DOC_MAX_COLS])
{
	int colw[DOC_MAX_COLS], n = doc_table_cols(&d->b[from], colw);
	int avail, total = 0, rel = 0;

	for (int c = 0; c < n; c++)
		w[c] = 2;
	for (size_t k = from; k < to; k++) {
		char *cells[DOC_MAX_COLS];

		doc_cells(d->b[k].text, n, cells);
		for (int c = 0; c < n; c++) {
			int cw = cell_width(cells[c]);

			if (cw > w[c])
				w[c] = cw;
		}
		doc_cells_free(cells, n);
	}
	avail = cols - TAB_GAP * (n - 1);
	for (int c = 0; c < n; c++) {
		total += w[c];
		rel += colw[c];
	}
	while (total > avail) {
		int widest = 0;

		for (int c = 1; c < n; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= 2)
			break;
		w[widest]--;
		total--;
	}
	if (total < avail) {
		int extra = avail - total, given = 0;

		for (int c = 0; c < n; c++) {
			int add = (int)((long long)extra * colw[c] / rel);

			w[c] += add;
			given += add;
		}
		for (int c = 0; given < extra; c = (c + 1) % n, given++)
			w[c]++;
	}
	return n;
}

/* one row: each cell wrapped inside its column, the lines side by side,
 * each cell padded to its column's width (centred for the head and the
 * centred columns), trailing spaces dropped */
static void table_row(struct strbuf *out, const char *text, int n, const int w[DOC_MAX_COLS],
                      int center_mask, int head)
{
	char *cells[DOC_MAX_COLS];
	struct lines ls[DOC_MAX_COLS];
	int nl = 1;

	doc_cells(text, n, cells);
	for (int c = 0; c < n; c++) {
		memset(&ls[c], 0, sizeof ls[c]);
		text_wrap(cells[c], w[c], add_line, &ls[c]);
		if (ls[c].n > nl)
			nl = ls[c].n;
	}
	for (int i = 0; i < nl; i++) {
		struct strbuf line = {0};

		sb_add(&line, "");
		for (int c = 0; c < n; c++) {
			int flags = head || (center_mask >> c & 1) ? TEXT_CENTER : 0;
			char *f = text_fit(i < ls[c].n ? ls[c].l[i] : "", w[c], flags);

			if (c > 0)
				spaces(&line, TAB_GAP);
			sb_add(&line, f);
			free(f);
		}
		while (line.len && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		sb_add(out, line.s);
		sb_add(out, "\n");
		sb_free(&line);
	}
	for (int c = 0; c < n; c++)
		lines_free(&ls[c]);
	doc_cells_free(cells, n);
}

/* The table whose B_THEAD is block i: the head, a rule of '-' under each
 * column, the rows; a blank line after each row of a table to sign in
 * (row_mm >= 8), room for the pen on a printout.  Returns the block after
 * the table. */
static size_t table(struct strbuf *out, const struct doc *d, size_t i, int cols)
{
	const struct block *head = &d->b[i];
	size_t end = i + 1;
	int w[DOC_MAX_COLS], n;

	while (end < d->n && d->b[end].kind == B_ROW)
		end++;
	n = table_widths(d, i, end, cols, w);
	table_row(out, head->text, n, w, head->center_mask, 1);
	for (int c = 0; c < n; c++) {
		if (c > 0)
			spaces(out, TAB_GAP);
		for (int k = 0; k < w[c]; k++)
			sb_add(out, "-");
	}
	sb_add(out, "\n");
	for (size_t k = i + 1; k < end; k++) {
		table_row(out, d->b[k].text, n, w, head->center_mask, 0);
		if (head->row_mm >= 8)
			sb_add(out, "\n");
	}
	return end;
}

/* B_CUT: "- - - ✂ - - -" across the width.  Terminals draw ✂ one or two
 * columns wide, so it stands in no column anything aligns with, and two
 * are counted for it: the line never runs past cols either way. */
static void cut(struct strbuf *out, int cols)
{
	int w = 6 + 2;

	sb_add(out, "- - - \u2702");
	for (; w + 2 <= cols; w += 2)
		sb_add(out, " -");
	sb_add(out, "\n");
}

/* B_RIGHT, a line of the 落款: the 成文日期 右空四字 (8 columns), a 署名
 * centred on it; a line too wide for that flush right, wrapped */
static void signoff(struct strbuf *out, const struct doc *d, size_t i, int cols)
{
	const char *t = d->b[i].text ? d->b[i].text : "";
	size_t date = doc_signoff_date(d, i);
	const char *dt = d->b[date].text ? d->b[date].text : "";
	int four = 8, right;

	if (text_width(dt) + four > cols)
		four = 0;
	right = date == i ? four
	      : (int)doc_signoff_right(cols, text_width(dt), four, text_width(t));
	if (right > 0 && text_width(t) + right <= cols && !strchr(t, '\n')) {
		spaces(out, cols - right - text_width(t));
		sb_add(out, t);
		sb_add(out, "\n");
	} else {
		wrap(out, t, cols, AL_RIGHT, NULL, 0);
	}
}

/* the fill of each series in a chart drawn with characters */
static const char *const chart_fill[] = { "█", "▒", "░", "▓", "=", "#", "+", "*", "~", "o", "x" };

/* B_CHART: a line per row (and per series when side by side): the label,
 * the bar in block characters, the value; a legend when several series */
static void chart(struct strbuf *out, const struct block *b, int cols)
{
	struct doc_chart c;
	int lw = 0, room;

	doc_chart_read(b, &c);
	for (int r = 0; r < c.nrows; r++)
		if (text_width(c.label[r]) > lw)
			lw = text_width(c.label[r]);
	if (lw > cols / 3)
		lw = cols / 3;
	room = cols - lw - 2 - 8;
	if (room < 4)
		room = 4;
	if (c.nseries > 1) {
		sb_add(out, "图例：");
		for (int k = 0; k < c.nseries; k++)
			sb_addf(out, "%s%s %s", k ? "  " : "", chart_fill[k % YS_ARRAY_LEN(chart_fill)],
			        c.series[k]);
		sb_add(out, "\n");
	}
	for (int r = 0; r < c.nrows; r++) {
		int lines = c.stacked ? 1 : c.nseries;

		for (int k = 0; k < lines; k++) {
			char *label = text_fit(k == 0 ? c.label[r] : "", lw, TEXT_ELLIPSIS);
			double total = 0;
			char val[32];

			sb_add(out, label);
			free(label);
			sb_add(out, "  ");
			for (int s = c.stacked ? 0 : k; s < (c.stacked ? c.nseries : k + 1); s++) {
				double v = c.v[r * c.nseries + s];
				int n = (int)(v / c.max * room + 0.5);

				if (n == 0 && v > 0)
					n = 1;
				for (int i = 0; i < n; i++)
					sb_add(out, chart_fill[s % YS_ARRAY_LEN(chart_fill)]);
				total += v;
			}
			doc_chart_value(total, val, sizeof val);
			sb_addf(out, " %s\n", val);
		}
	}
	doc_chart_free(&c);
}

/* 1 if out ends with an empty line (or is empty) */
static int at_blank(const struct strbuf *out)
{
	return out->len == 0 || (out->len >= 2 && out->s[out->len - 1] == '\n' &&
	                         out->s[out->len - 2] == '\n');
}

void render_txt(const struct doc *d, int cols, struct strbuf *out)
{
	if (cols < 8)
		cols = 8;
	sb_add(out, "");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		const char *t = b->text ? b->text : "";

		switch (b->kind) {
		case B_TITLE:
		case B_SUBTITLE:
			wrap(out, t, cols, AL_CENTER, NULL, 0);
			if (i + 1 < d->n && d->b[i + 1].kind != B_TITLE &&
			    d->b[i + 1].kind != B_SUBTITLE && d->b[i + 1].kind != B_SPACE)
				sb_add(out, "\n");
			break;
		case B_HEADING:
			if (!at_blank(out))
				sb_add(out, "\n");
			wrap(out, t, cols, AL_LEFT, NULL, 0);
			break;
		case B_FIELD:
			field(out, b->label ? b->label : "", t, cols);
			break;
		case B_PARA:
			para(out, t, cols);
			break;
		case B_RIGHT:
			signoff(out, d, i, cols);
			break;
		case B_CENTER:
			wrap(out, t, cols, AL_CENTER, NULL, 0);
			break;
		case B_SIGN:
			sign(out, b->label, t, cols);
			break;
		case B_SPACE:
			sb_add(out, "\n");
			break;
		case B_PAGEBREAK:
			sb_add(out, "\f\n");
			break;
		case B_THEAD:
			i = table(out, d, i, cols) - 1;
			break;
		case B_ROW: {            /* one with no table: its cells on a line */
			struct strbuf s = {0};

			sb_add(&s, "");
			for (const char *c = t; *c; c++)
				sb_addn(&s, *c == '\t' ? "  " : c, *c == '\t' ? 2 : 1);
			wrap(out, s.s, cols, AL_LEFT, NULL, 0);
			sb_free(&s);
			break;
		}
		case B_CUT:
			cut(out, cols);
			break;
		case B_CHART:
			chart(out, b, cols);
			break;
		case B_LINE:
		default:
			wrap(out, t, cols, AL_LEFT, NULL, 0);
			break;
		}
	}
	if (d->footer && *d->footer) {
		if (!at_blank(out))
			sb_add(out, "\n");
		wrap(out, d->footer, cols, AL_LEFT, NULL, 0);
	}
}
