/* pdf_table.c: the ruled tables (签到表, 表决票) and cut lines of a PDF.
 *
 * Tables are grids off the line grid: a row is as tall as its tallest
 * cell or the table's least row height, never split across pages, and the
 * head row is drawn again at the top of every page the table continues
 * on.  After a table the text is back on the grid. */
#include "pdf_int.h"

/* ---- tables ------------------------------------------------------------------ */

/* The columns of the table headed by `head`: the block's width shared out
 * by the relative widths. */
static void table_geom(const struct block *head, struct table *t)
{
	int colw[DOC_MAX_COLS];
	double x = MARGIN_L, sum = 0;       /* double: no overflow on odd widths */

	t->ncols = doc_table_cols(head, colw);
	for (int i = 0; i < t->ncols; i++)
		sum += colw[i];
	for (int i = 0; i < t->ncols; i++) {
		t->x[i] = x;
		x += BLOCK_W * colw[i] / sum;
	}
	t->x[t->ncols] = MARGIN_L + BLOCK_W;
	t->row_min = head->row_mm * MM;
	t->center_mask = head->center_mask;
}

/* One cell's text wrapped inside its column less the padding.  The text
 * is set at the body size: at 12 pt a sign-in sheet's six columns hold a
 * name, a role and a 楼栋 on one line each, and a smaller size would be
 * hard to read for the older residents who sign it. */
static PangoLayout *cell_layout(struct pdf *p, const struct table *t, int col,
                                const char *text, int head)
{
	double w = t->x[col + 1] - t->x[col] - 2 * CELL_PAD_X;
	PangoLayout *lay = pdf_layout_new(p, p->body_font, p->body_pt, head, 0,
	                              (int)((w < 1 ? 1 : w) * PANGO_SCALE));

	if (head || (t->center_mask >> col & 1))
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
	pdf_layout_text(lay, text);
	return lay;
}

/* A row's height: its tallest cell with the padding above and below; a
 * B_ROW at least the table's row height.  With draw, the row is drawn
 * `h` high at the current y: each cell's text centred in its height, then
 * the grid. */
static double table_row(struct pdf *p, const struct table *t, const char *text,
                        int head, int draw, double h)
{
	char *cells[DOC_MAX_COLS];
	double need_h = head ? 0 : t->row_min, top = MARGIN_T + p->y;

	doc_cells(text, t->ncols, cells);
	for (int i = 0; i < t->ncols; i++) {
		PangoLayout *lay = cell_layout(p, t, i, cells[i], head);
		int lh;

		pango_layout_get_size(lay, NULL, &lh);
		if (PU(lh) + 2 * CELL_PAD_Y > need_h)
			need_h = PU(lh) + 2 * CELL_PAD_Y;
		if (draw) {
			cairo_move_to(p->cr, t->x[i] + CELL_PAD_X, top + (h - PU(lh)) / 2);
			pango_cairo_show_layout(p->cr, lay);
		}
		g_object_unref(lay);
	}
	doc_cells_free(cells, t->ncols);
	if (draw) {
		cairo_save(p->cr);
		cairo_set_line_width(p->cr, RULE_PT);
		for (int i = 0; i < t->ncols; i++)
			cairo_rectangle(p->cr, t->x[i], top, t->x[i + 1] - t->x[i], h);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
	}
	return need_h;
}

static double row_height(struct pdf *p, const struct table *t, const char *text, int head)
{
	return table_row(p, t, text, head, 0, 0);
}

/* a row `h` high at the current y, and y below it */
static void draw_row(struct pdf *p, const struct table *t, const char *text, int head, double h)
{
	if (p->draw)
		table_row(p, t, text, head, 1, h);
	p->y += h;
	p->used = 1;
	if (p->cur < p->tail)
		p->body_on_page = 1;
}

static double table_head_height(struct pdf *p, const struct block *head)
{
	struct table t;

	table_geom(head, &t);
	return row_height(p, &t, head->text, 1);
}

/* B_THEAD: the head row, kept with the first row (a head alone at the
 * bottom of a page heads nothing) */
void pdf_place_head(struct pdf *p, size_t i)
{
	const struct block *b = &p->d->b[i];
	double first = 0;

	p->thead = b;
	table_geom(b, &p->tab);
	p->head_h = table_head_height(p, b);
	if (i + 1 < p->d->n && b[1].kind == B_ROW)
		first = row_height(p, &p->tab, b[1].text, 0);
	if (p->head_h + first <= BLOCK_H)
		pdf_need(p, p->head_h + first);
	draw_row(p, &p->tab, b->text, 1, p->head_h);
}

/* B_ROW of the current table: whole on this page, else on the next under
 * the head drawn again.  The last row before the tail goes over with it
 * when the tail would stand alone, as the last lines of a paragraph do;
 * the last row of a table goes with the signature lines under it (a
 * sign-in sheet's 应到/实到 line and the clerk's signature), so that no
 * signature stands alone at the top of a page.  (A row taller than a page, which would take a cell of some forty lines,
 * runs into the bottom margin rather than being cut.) */
void pdf_place_row(struct pdf *p, const struct block *b)
{
	double h = row_height(p, &p->tab, b->text, 0), room = h;

	double close = pdf_closing_height(p, p->cur);

	if (p->carry && p->cur + 1 == p->tail && p->head_h + h + p->tail_h <= BLOCK_H)
		room = h + p->tail_h;
	else if (close > 0 && p->head_h + h + close <= BLOCK_H)
		room = h + close;
	if (p->used && p->y + room > BLOCK_H + 0.01) {
		pdf_page_new(p);
		draw_row(p, &p->tab, p->thead->text, 1, p->head_h);
	}
	draw_row(p, &p->tab, b->text, 0, h);
}

/* After the last row: back on the line grid (the used height rounded up
 * to a whole pitch; no libm), so the lines after a table stand where the
 * lines of a page without one stand. */
void pdf_table_end(struct pdf *p)
{
	int k = (int)(p->y / p->pitch);

	p->thead = NULL;
	if (p->per > 0 && p->cur < p->d->n && p->d->b[p->cur].kind == B_CUT)
		return;                 /* the end of a piece: the cut line sets y */

	if (k * p->pitch < p->y - 0.01)
		k++;
	p->y = k * p->pitch;
}

/* The height of a table block: a head row alone (all = 1) or with the
 * table's first row (all = 0); a row. */
double pdf_table_height(struct pdf *p, const struct block *b, int all)
{
	const struct doc *d = p->d;
	size_t i = (size_t)(b - d->b);
	const struct block *head = doc_table_head(d, i);
	struct table t;
	double h;

	table_geom(head, &t);
	if (b->kind == B_ROW)
		return row_height(p, &t, b->text, 0);
	h = table_head_height(p, b);
	if (!all && i + 1 < d->n && d->b[i + 1].kind == B_ROW)
		h += row_height(p, &t, d->b[i + 1].text, 0);
	return h;
}

/* ---- cut lines ------------------------------------------------------------ */

/* B_CUT: a dashed rule across the block with 「✂」 at its left, in the
 * middle of one pitch.  The body font may lack ✂ (U+2702); pango then takes
 * it from another font (Noto CJK has it), and if no font has it, 「剪」
 * says the same. */
void pdf_place_cut(struct pdf *p)
{
	PangoLayout *lay;
	PangoRectangle log;
	double mid, x;
	const double dash[] = { 3.0, 2.0 };

	if (p->per > 0) {
		/* between pieces: the page in `per` equal parts, a piece at the
		 * top of each, the cut line on the parts' edge (the middle of
		 * the line it takes), a new page after the last part */
		int k = ++p->piece % p->per;
		double at = BLOCK_H * k / p->per - p->pitch / 2;

		if (k == 0) {
			if (p->used)
				pdf_page_new(p);
			return;
		}
		if (p->used && p->y < at)
			p->y = at;
	}
	if (!p->used)
		return;                 /* nothing to cut off at the top of a page */
	if (p->y + p->pitch > BLOCK_H + 0.01) {
		pdf_page_new(p);
		return;
	}
	if (p->draw) {
		mid = MARGIN_T + p->y + p->pitch / 2;
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, 0, 0);
		pango_layout_set_text(lay, "\u2702", -1);
		if (pango_layout_get_unknown_glyphs_count(lay) > 0)
			pango_layout_set_text(lay, "剪", -1);
		pango_layout_get_extents(lay, NULL, &log);
		cairo_move_to(p->cr, MARGIN_L, mid - PU(log.height) / 2 - PU(log.y));
		pango_cairo_show_layout(p->cr, lay);
		x = MARGIN_L + PU(log.x + log.width) + p->body_pt / 4;
		g_object_unref(lay);
		cairo_save(p->cr);
		cairo_set_line_width(p->cr, RULE_PT);
		cairo_set_dash(p->cr, dash, 2, 0);
		cairo_move_to(p->cr, x, mid);
		cairo_line_to(p->cr, MARGIN_L + BLOCK_W, mid);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
	}
	p->y += p->pitch;
}
