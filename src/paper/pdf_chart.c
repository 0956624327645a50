/* pdf_chart.c: B_CHART in the PDF — a bar chart drawn in vectors with
 * cairo: the labels at the left, the bars across the page (side by side or
 * stacked), each bar's value at its end, a light grid with its scale under
 * it, and a legend above when there are several series.  Colours differ in
 * lightness too, so that a black-and-white printer still tells them apart. */
#include <stdio.h>
#include <string.h>

#include "pdf_int.h"

#define CH_PT       10.5        /* labels, values, legend, scale (5号) */
#define CH_BAR      9.0         /* one bar's thickness, side by side */
#define CH_BAR_ST   12.0        /* a stacked bar's thickness */
#define CH_GAP      5.0         /* between the rows of the chart */
#define CH_LEGEND   18.0        /* the legend's line */
#define CH_SCALE    16.0        /* the scale under the grid */
#define CH_VALW     34.0        /* room for the value at a bar's end */

static const double colors[][3] = {
	{ 0.184, 0.333, 0.592 },        /* dark blue */
	{ 0.773, 0.353, 0.067 },        /* orange */
	{ 0.600, 0.600, 0.600 },        /* grey */
	{ 0.439, 0.678, 0.278 },        /* green */
	{ 0.749, 0.565, 0.000 },        /* ochre */
	{ 0.439, 0.188, 0.627 },        /* purple */
};
#define NCOLORS (sizeof colors / sizeof colors[0])

struct geom {
	double bar, row, top, h, scale;   /* heights (pt) */
};

static void geometry(const struct doc_chart *c, struct geom *g)
{
	int per = c->stacked ? 1 : c->nseries;

	g->bar = c->stacked ? CH_BAR_ST : CH_BAR;
	g->row = per * g->bar + (per - 1) * 1.0 + CH_GAP;
	g->top = c->nseries > 1 ? CH_LEGEND : 0;
	g->h = g->top + c->nrows * g->row + CH_SCALE + CH_GAP;
	if (g->h > BLOCK_H) {
		/* a chart taller than a page: thinner bars, still one page */
		double k = (BLOCK_H - g->top - CH_SCALE - CH_GAP) / (c->nrows * g->row);

		g->bar *= k;
		g->row *= k;
		g->h = BLOCK_H;
	}
	g->scale = CH_SCALE;
}

double pdf_chart_height(struct pdf *p, const struct block *b)
{
	struct doc_chart c;
	struct geom g;

	(void)p;
	doc_chart_read(b, &c);
	geometry(&c, &g);
	doc_chart_free(&c);
	return g.h;
}

static PangoLayout *text_at(struct pdf *p, const char *s, double *w, double *h)
{
	PangoLayout *lay = pdf_layout_new(p, p->body_font, CH_PT, 0, 0, 0);
	PangoRectangle log;

	pdf_layout_text(lay, s);
	pango_layout_get_extents(lay, NULL, &log);
	*w = PU(log.width);
	*h = PU(log.height);
	return lay;
}

/* s with its left edge at x (right = 0) or its right edge at x, centred on y */
static void show(struct pdf *p, const char *s, double x, double y, int right)
{
	double w, h;
	PangoLayout *lay = text_at(p, s, &w, &h);

	cairo_move_to(p->cr, right ? x - w : x, y - h / 2);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
}

static void fill_rect(struct pdf *p, double x, double y, double w, double h, int k)
{
	const double *c = colors[k % NCOLORS];

	cairo_set_source_rgb(p->cr, c[0], c[1], c[2]);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void draw(struct pdf *p, const struct doc_chart *c, const struct geom *g, double y0)
{
	double lw = 0, x0, x1, step, span, y;
	char buf[32];

	for (int r = 0; r < c->nrows; r++) {
		double w, h;
		PangoLayout *lay = text_at(p, c->label[r], &w, &h);

		g_object_unref(lay);
		if (w > lw)
			lw = w;
	}
	if (lw > BLOCK_W * 0.35)
		lw = BLOCK_W * 0.35;
	x0 = MARGIN_L + lw + 6;
	x1 = MARGIN_L + BLOCK_W - CH_VALW;
	step = doc_chart_step(c->max, 5);
	span = step * (int)((c->max + step - 1e-9) / step);
	if (span < c->max)
		span = c->max;

	cairo_save(p->cr);
	/* the legend */
	if (c->nseries > 1) {
		double x = x0;

		for (int k = 0; k < c->nseries; k++) {
			double w, h;
			PangoLayout *lay = text_at(p, c->series[k], &w, &h);

			g_object_unref(lay);
			fill_rect(p, x, y0 + CH_LEGEND / 2 - 4, 8, 8, k);
			show(p, c->series[k], x + 11, y0 + CH_LEGEND / 2, 0);
			x += 11 + w + 14;
		}
	}
	y = y0 + g->top;
	/* the grid and its scale */
	cairo_set_line_width(p->cr, 0.4);
	for (double v = 0; v <= span + 1e-9; v += step) {
		double x = x0 + (x1 - x0) * v / span;

		cairo_set_source_rgb(p->cr, 0.8, 0.8, 0.8);
		cairo_move_to(p->cr, x, y);
		cairo_line_to(p->cr, x, y + c->nrows * g->row);
		cairo_stroke(p->cr);
		cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
		doc_chart_value(v, buf, sizeof buf);
		show(p, buf, x - 3, y + c->nrows * g->row + g->scale / 2, 0);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, RULE_PT);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x0, y + c->nrows * g->row);
	cairo_stroke(p->cr);
	/* the rows */
	for (int r = 0; r < c->nrows; r++) {
		double ry = y + r * g->row + CH_GAP / 2, x = x0, total = 0;
		int per = c->stacked ? 1 : c->nseries;
		double label_y = ry + (per * g->bar + (per - 1)) / 2;
		double w, h;
		PangoLayout *lay = text_at(p, c->label[r], &w, &h);

		/* a label too long for its room is cut with an ellipsis */
		pango_layout_set_width(lay, (int)(lw * PANGO_SCALE));
		pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
		pango_layout_set_alignment(lay, PANGO_ALIGN_RIGHT);
		cairo_move_to(p->cr, MARGIN_L, label_y - h / 2);
		pango_cairo_show_layout(p->cr, lay);
		g_object_unref(lay);
		for (int k = 0; k < c->nseries; k++) {
			double v = c->v[r * c->nseries + k];
			double w2 = (x1 - x0) * v / span;
			double by = c->stacked ? ry : ry + k * (g->bar + 1);

			if (!c->stacked)
				x = x0;
			if (w2 > 0)
				fill_rect(p, x, by, w2, g->bar, k);
			if (c->stacked) {
				x += w2;
				total += v;
			} else {
				doc_chart_value(v, buf, sizeof buf);
				show(p, buf, x0 + w2 + 3, by + g->bar / 2, 0);
			}
		}
		if (c->stacked) {
			doc_chart_value(total, buf, sizeof buf);
			show(p, buf, x + 3, ry + g->bar / 2, 0);
		}
	}
	cairo_restore(p->cr);
}

void pdf_place_chart(struct pdf *p, const struct block *b)
{
	struct doc_chart c;
	struct geom g;

	doc_chart_read(b, &c);
	geometry(&c, &g);
	pdf_need(p, g.h);
	if (p->draw)
		draw(p, &c, &g, MARGIN_T + p->y);
	p->y += g.h;
	p->used = 1;
	if (p->cur < p->tail)
		p->body_on_page = 1;
	doc_chart_free(&c);
}
