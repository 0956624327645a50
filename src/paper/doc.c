/* doc.c: a document as a list of typed blocks (doc.h).  The builders
 * (minutes_doc.c, notice_doc.c) fill it; the renderers (render_txt.c,
 * render_html.c, render_pdf.c) read it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "base/text.h"
#include "base/util.h"

void doc_init(struct doc *d, int kind)
{
	memset(d, 0, sizeof *d);
	d->kind = kind;
	/* notices are numbered as GB/T 9704 numbers 公文 */
	d->pageno = kind == DOC_NOTICE || kind == DOC_MEETING_NOTICE ? PN_GB : PN_OF_TOTAL;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->b[i].label);
		free(d->b[i].text);
	}
	free(d->b);
	free(d->title);
	free(d->number);
	free(d->footer);
	memset(d, 0, sizeof *d);
}

void doc_add(struct doc *d, int kind, const char *label, const char *text)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	/* text from a damaged file or an import may hold bytes that are not
	 * UTF-8: every renderer gets valid text (U+FFFD for each bad byte) */
	b->label = label ? text_valid_dup(label) : NULL;
	b->text = text_valid_dup(text);   /* NULL becomes "" */
}

void doc_addf(struct doc *d, int kind, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	doc_add(d, kind, label, s);
	free(s);
}

/* cells joined with tabs; a tab inside a cell would make two cells of one,
 * so it becomes a space (the cells are text a clerk typed) */
static char *join_cells(int n, const char *const *cells)
{
	struct strbuf sb = {0};

	sb_add(&sb, "");
	for (int i = 0; i < n; i++) {
		const char *c = cells && cells[i] ? cells[i] : "";
		size_t from;

		if (i > 0)
			sb_add(&sb, "\t");
		from = sb.len;
		sb_add(&sb, c);
		for (size_t k = from; k < sb.len; k++)
			if (sb.s[k] == '\t')
				sb.s[k] = ' ';
	}
	return sb_steal(&sb);
}

void doc_table(struct doc *d, int ncols, const int *colw, int row_mm, int center_mask,
               const char *const *head)
{
	struct block *b;
	char *s;

	if (ncols < 1)
		ncols = 1;
	if (ncols > DOC_MAX_COLS)
		ncols = DOC_MAX_COLS;
	s = join_cells(ncols, head);
	doc_add(d, B_THEAD, NULL, s);
	free(s);
	b = &d->b[d->n - 1];
	b->ncols = ncols;
	for (int i = 0; i < ncols; i++)
		b->colw[i] = colw && colw[i] > 0 ? colw[i] : 1;
	b->row_mm = row_mm > 0 ? row_mm : 0;
	b->center_mask = center_mask & ((1 << ncols) - 1);
}

/* every cell is kept: more cells than columns go into the last column
 * when the row is split (doc_cells), rather than off the paper */
void doc_row(struct doc *d, int n, const char *const *cells)
{
	char *s = join_cells(n, cells);

	doc_add(d, B_ROW, NULL, s);
	free(s);
}

const struct block *doc_table_head(const struct doc *d, size_t i)
{
	if (i >= d->n || (d->b[i].kind != B_ROW && d->b[i].kind != B_THEAD))
		return NULL;
	while (d->b[i].kind == B_ROW) {
		if (i == 0)
			return NULL;
		i--;
	}
	return d->b[i].kind == B_THEAD ? &d->b[i] : NULL;
}

size_t doc_signoff_date(const struct doc *d, size_t i)
{
	while (i + 1 < d->n && d->b[i + 1].kind == B_RIGHT)
		i++;
	return i;
}

double doc_signoff_right(double width, double date, double date_right, double name)
{
	/* the date's centre, from the right edge */
	double centre = date_right + date / 2;
	double right = centre - name / 2;

	if (right < 0 || name > width)
		return 0;
	return right;
}

int doc_table_cols(const struct block *head, int colw[DOC_MAX_COLS])
{
	int n = head->ncols;

	if (n < 1) {
		/* a head added with doc_add(): as many columns as cells */
		n = 1;
		for (const char *t = head->text; t && *t; t++)
			if (*t == '\t')
				n++;
	}
	if (n > DOC_MAX_COLS)
		n = DOC_MAX_COLS;
	for (int i = 0; i < n; i++)
		colw[i] = head->ncols > 0 && head->colw[i] > 0 ? head->colw[i] : 1;
	return n;
}

void doc_cells(const char *text, int ncols, char *cells[DOC_MAX_COLS])
{
	const char *p = text ? text : "";

	if (ncols > DOC_MAX_COLS)
		ncols = DOC_MAX_COLS;
	for (int i = 0; i < ncols; i++) {
		const char *tab = i + 1 < ncols ? strchr(p, '\t') : NULL;
		size_t n = tab ? (size_t)(tab - p) : strlen(p);

		cells[i] = xmalloc(n + 1);
		memcpy(cells[i], p, n);
		cells[i][n] = '\0';
		p += n;
		if (*p == '\t')
			p++;
	}
	/* the last cell took the rest: its tabs (more cells than columns)
	 * become spaces */
	if (ncols > 0)
		for (char *c = cells[ncols - 1]; *c; c++)
			if (*c == '\t')
				*c = ' ';
}

void doc_cells_free(char *cells[DOC_MAX_COLS], int ncols)
{
	for (int i = 0; i < ncols && i < DOC_MAX_COLS; i++) {
		free(cells[i]);
		cells[i] = NULL;
	}
}

/* ---- bar charts ------------------------------------------------------------ */

void doc_chart(struct doc *d, int nseries, const char *const *series, int stacked,
               int nrows, const char *const *label, const double *v)
{
	struct strbuf sb = {0};
	char *names;

	if (nseries < 1)
		nseries = 1;
	if (nseries > DOC_MAX_COLS - 1)
		nseries = DOC_MAX_COLS - 1;     /* the label takes a cell when read */
	names = join_cells(nseries, series);
	sb_add(&sb, "");
	for (int r = 0; r < nrows; r++) {
		char *cell = join_cells(1, &label[r]);

		sb_add(&sb, cell);
		free(cell);
		for (int k = 0; k < nseries; k++)
			sb_addf(&sb, "\t%.17g", v[r * nseries + k] > 0 ? v[r * nseries + k] : 0.0);
		sb_add(&sb, "\n");
	}
	doc_add(d, B_CHART, names, sb.s);
	d->b[d->n - 1].ncols = nseries;
	d->b[d->n - 1].stacked = stacked;
	free(names);
	sb_free(&sb);
}

void doc_chart_read(const struct block *b, struct doc_chart *c)
{
	char *cells[DOC_MAX_COLS];
	const char *t = b->text ? b->text : "";
	int n = b->ncols >= 1 && b->ncols < DOC_MAX_COLS ? b->ncols : 1;

	memset(c, 0, sizeof *c);
	c->nseries = n;
	c->stacked = b->stacked;
	c->max = 1;
	doc_cells(b->label ? b->label : "", n, cells);
	for (int k = 0; k < n; k++)
		c->series[k] = cells[k];
	for (const char *s = t; *s; s++)
		c->nrows += *s == '\n';
	c->label = xcalloc((size_t)c->nrows + 1, sizeof *c->label);
	c->v = xcalloc((size_t)(c->nrows + 1) * (size_t)n, sizeof *c->v);
	for (int r = 0; r < c->nrows; r++) {
		const char *end = strchr(t, '\n');
		char *line = xasprintf("%.*s", (int)(end - t), t);
		char *row[DOC_MAX_COLS];
		double sum = 0;

		doc_cells(line, n + 1, row);
		c->label[r] = xstrdup(row[0]);
		for (int k = 0; k < n; k++) {
			double v = strtod(row[k + 1], NULL);

			c->v[r * n + k] = v > 0 ? v : 0;
			sum += c->v[r * n + k];
			if (!c->stacked && c->v[r * n + k] > c->max)
				c->max = c->v[r * n + k];
		}
		if (c->stacked && sum > c->max)
			c->max = sum;
		doc_cells_free(row, n + 1);
		free(line);
		t = end + 1;
	}
}

void doc_chart_free(struct doc_chart *c)
{
	for (int k = 0; k < c->nseries; k++)
		free(c->series[k]);
	for (int r = 0; r < c->nrows; r++)
		free(c->label[r]);
	free(c->label);
	free(c->v);
	memset(c, 0, sizeof *c);
}

void doc_chart_value(double v, char *buf, size_t len)
{
	if (v == (double)(long long)v)
		snprintf(buf, len, "%lld", (long long)v);
	else
		snprintf(buf, len, "%.1f", v);
}

double doc_chart_step(double max, int ticks)
{
	static const double m[] = { 1, 2, 5 };
	double base = 1;

	if (ticks < 1)
		ticks = 1;
	if (!(max > 0))
		return 1;
	if (max > 1e15)
		return max / ticks;
	for (;;) {
		for (size_t i = 0; i < YS_ARRAY_LEN(m); i++)
			if (m[i] * base * ticks >= max)
				return m[i] * base;
		base *= 10;
	}
}
