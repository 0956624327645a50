/* pdf_int.h: what the PDF renderer's files share: the page geometry
 * (GB/T 9704-2012: top margin 37 mm, left 28 mm, text block 156 × 225 mm),
 * the page machine (struct pdf) and its helpers in render_pdf.c, and the
 * ruled tables and cut lines in pdf_table.c.  Private to src/paper. */
#ifndef YS_PDF_INT_H
#define YS_PDF_INT_H

#include <stddef.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "paper/doc.h"

#define MM        (72.0 / 25.4)
#define PAGE_W    595.28
#define PAGE_H    841.89
#define MARGIN_T  (37.0 * MM)
#define MARGIN_L  (28.0 * MM)
#define BLOCK_W   (156.0 * MM)
#define BLOCK_H   (225.0 * MM)

/* a cell's padding: 1.5 mm above and below; 1 mm at the sides, so that a
 * 序号 column of 6 % (9.4 mm) still holds 「120」 at 12 pt */
#define CELL_PAD_X     (1.0 * MM)
#define CELL_PAD_Y     (1.5 * MM)
#define RULE_PT        0.6      /* table grid, signature and cut lines */

#define PU(x)     ((double)(x) / PANGO_SCALE)   /* pango units -> points */

struct pdf {
	const struct doc *d;
	cairo_t *cr;
	PangoContext *ctx;
	char body_font[256];
	char title_font[256];
	double body_pt, title_pt;
	double pitch;           /* body line pitch (pt) */
	double letter;          /* letter spacing for the body (pt) */
	int draw;               /* 0: count pages only */
	int page;               /* the current page, from 1 */
	int npages;             /* the total (known when drawing) */
	double y;               /* used height of the text block on this page */
	int used;               /* anything placed on this page */
	/* the tail: the blank lines, 落款 (B_RIGHT) and signatures (B_SIGN)
	 * that end the document; it must not stand on a page of its own */
	size_t cur;             /* the block being placed */
	size_t tail;            /* the first block of the tail (n: none) */
	double tail_h;          /* its height */
	int carry;              /* take the last body line along with it */
	int body_on_page;       /* a line of the body on this page */
	int forced;             /* this page began at a B_PAGEBREAK */
	int tail_alone;         /* after a pass: the tail stood alone */
	/* the table being placed: its head (NULL outside a table), its
	 * columns and its head row's height */
	const struct block *thead;
	struct table {
		int ncols;
		double x[DOC_MAX_COLS + 1];     /* column edges, absolute */
		double row_min;                 /* the least row height (pt) */
		int center_mask;
	} tab;
	double head_h;
	/* a doc of pieces (表决票): how many to a page, and the cut lines
	 * passed so far in this pass */
	int per;
	int piece;
};

/* ---- render_pdf.c ---- */
/* a layout in `family` at pt (absolute), bold or not, with letter spacing
 * (pt); width > 0 wraps at that width (pango units).  Caller unrefs. */
PangoLayout *pdf_layout_new(struct pdf *p, const char *family, double pt,
                            int bold, double letter, int width);
/* set text cleaned for pango (invalid UTF-8 replaced, control characters
 * dropped) */
void pdf_layout_text(PangoLayout *lay, const char *s);
/* the layout's logical width in pango units */
int pdf_layout_width(PangoLayout *lay);
/* end this page (its furniture when drawing) and start the next */
void pdf_page_new(struct pdf *p);
/* room for h more points on this page, else a new page */
void pdf_need(struct pdf *p, double h);
/* After block i, the last row of a table: the height of the lines (at
 * most three) and the run of signature lines that close the table, 0 when
 * no signature follows it there. */
double pdf_closing_height(struct pdf *p, size_t i);

/* ---- pdf_table.c ---- */
/* B_THEAD: the head row, kept with the first row */
void pdf_place_head(struct pdf *p, size_t i);
/* B_ROW of the current table, under the head again on a new page */
void pdf_place_row(struct pdf *p, const struct block *b);
/* after the last row: back on the line grid */
void pdf_table_end(struct pdf *p);
/* a head row alone (all = 1) or with the first row (all = 0); a row */
double pdf_table_height(struct pdf *p, const struct block *b, int all);
/* B_CUT: a dashed rule with 「✂」 at its left; between pieces, on the
 * edge of the next piece's part of the page, or a new page */
void pdf_place_cut(struct pdf *p);

/* ---- pdf_chart.c ---- */
/* B_CHART: its height (kept whole on a page), and the chart placed */
double pdf_chart_height(struct pdf *p, const struct block *b);
void pdf_place_chart(struct pdf *p, const struct block *b);

#endif
