/* render_pdf.c: a doc (doc.h) as an A4 PDF, set with pango and cairo.
 *
 * Layout after GB/T 9704-2012 where it fits: top margin 37 mm, left 28 mm,
 * text block 156 × 225 mm.  The body sits on a grid: the line pitch divides
 * the text block into a whole number of lines (22 for 16 pt), and a slight
 * letter spacing makes a whole number of characters fill the width (28 for
 * 16 pt), as the standard asks ("撑满版心").  Chinese line breaking is
 * pango's (UAX #14: 。，、）」 never start a line).
 *
 * Two passes over the blocks with the same code: the first only counts the
 * pages, the second draws, so every page can say 「第 i 页 共 N 页」.  Pages
 * break between the lines of a layout, so a long paragraph continues on the
 * next page.  Notices are numbered as GB/T 9704 numbers 公文 instead
 * (「— i —」, odd pages right, even pages left), ballots not at all.
 *
 * Tables (签到表, 表决票) and cut lines are pdf_table.c's; the geometry
 * and the page machine they share are in pdf_int.h.
 *
 * The fonts are fontconfig families, checked for Chinese glyphs before
 * anything is drawn (pdf_font.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "paper/doc.h"
#include "paper/pdf_font.h"
#include "base/text.h"
#include "base/util.h"

#include "pdf_int.h"

#define PAGENO_PT      10.5     /* 五号 */
#define GB_PAGENO_PT   14.0     /* 4号, GB/T 9704 7.5 */
#define FOOTER_PT      7.5

PangoLayout *pdf_layout_new(struct pdf *p, const char *family, double pt,
                               int bold, double letter, int width)
{
	PangoLayout *lay = pango_layout_new(p->ctx);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(lay, width);
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	}
	if (letter != 0) {
		PangoAttrList *al = pango_attr_list_new();
		pango_attr_list_insert(al, pango_attr_letter_spacing_new((int)(letter * PANGO_SCALE)));
		pango_layout_set_attributes(lay, al);
		pango_attr_list_unref(al);
	}
	return lay;
}

/* text for pango: invalid UTF-8 replaced (U+FFFD), CR LF and CR made
 * LF, other control characters (which would print as hex boxes) and the
 * bidirectional controls dropped;
 * g_free() it */
static gchar *clean_text(const char *s)
{
	gchar *v = g_utf8_make_valid(s ? s : "", -1);
	char *w = v;

	for (const char *r = v; *r; r++) {
		unsigned char c = (unsigned char)*r;
		size_t bidi = text_bidi_len(r);

		if (bidi) {
			r += bidi - 1;
		} else if (c == '\r') {
			if (r[1] != '\n')
				*w++ = '\n';
		} else if (c >= 0x20 ? c != 0x7f : c == '\n' || c == '\t') {
			*w++ = *r;
		}
	}
	*w = '\0';
	return v;
}

void pdf_layout_text(PangoLayout *lay, const char *s)
{
	gchar *v = clean_text(s);

	pango_layout_set_text(lay, v, -1);
	g_free(v);
}

/* in pango units */
int pdf_layout_width(PangoLayout *lay)
{
	int w;

	pango_layout_get_size(lay, &w, NULL);
	return w;
}

/* GB/T 9704 7.5: 「— i —」 in 4号, one character in from the block's edge:
 * odd pages (the right-hand pages of a booklet) at the right, even pages
 * at the left */
static void page_number_gb(struct pdf *p, double y)
{
	PangoLayout *lay = pdf_layout_new(p, p->body_font, GB_PAGENO_PT, 0, 0, 0);
	char num[64];
	double x;

	snprintf(num, sizeof num, "\u2014 %d \u2014", p->page);
	pdf_layout_text(lay, num);
	if (p->page % 2)
		x = MARGIN_L + BLOCK_W - GB_PAGENO_PT - PU(pdf_layout_width(lay));
	else
		x = MARGIN_L + GB_PAGENO_PT;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
}

/* the page number (as the doc says) and the footer (digest) above it, in
 * the bottom margin */
static void page_furniture(struct pdf *p)
{
	PangoLayout *lay;
	double y = MARGIN_T + BLOCK_H + 2.5 * MM;
	char num[64];
	int h;

	if (p->d->footer && *p->d->footer) {
		lay = pdf_layout_new(p, p->body_font, FOOTER_PT, 0, 0, (int)(BLOCK_W * PANGO_SCALE));
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
		pdf_layout_text(lay, p->d->footer);
		cairo_move_to(p->cr, MARGIN_L, y);
		pango_cairo_show_layout(p->cr, lay);
		pango_layout_get_size(lay, NULL, &h);
		y += PU(h) + 1.5 * MM;
		g_object_unref(lay);
	}
	if (y < MARGIN_T + BLOCK_H + 7.0 * MM)       /* GB/T: 7 mm under the block */
		y = MARGIN_T + BLOCK_H + 7.0 * MM;
	if (p->d->pageno == PN_NONE)
		return;
	if (p->d->pageno == PN_GB) {
		page_number_gb(p, y);
		return;
	}
	snprintf(num, sizeof num, "第 %d 页 共 %d 页", p->page, p->npages);
	lay = pdf_layout_new(p, p->body_font, PAGENO_PT, 0, 0, (int)(BLOCK_W * PANGO_SCALE));
	pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
	pdf_layout_text(lay, num);
	cairo_move_to(p->cr, MARGIN_L, y);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
}

static void page_end(struct pdf *p)
{
	if (p->draw) {
		page_furniture(p);
		cairo_show_page(p->cr);
	}
}

void pdf_page_new(struct pdf *p)
{
	page_end(p);
	p->page++;
	p->y = 0;
	p->used = 0;
	p->body_on_page = 0;
	p->forced = 0;
}

/* room for h more points on this page, else a new page (never for an
 * empty page: a line taller than the block still goes somewhere) */
void pdf_need(struct pdf *p, double h)
{
	if (p->used && p->y + h > BLOCK_H + 0.01)
		pdf_page_new(p);
}

/* Justify one line (both edges on the text block, as GB/T 9704 sets
 * text): `extra` pango units shared out between its characters.  Pango's
 * own justification widens only the spaces when a line has any ("14:05
 * 张三" would gape), so this spreads the room evenly over every
 * cluster instead, the way Chinese type is set. */
static void justify_line(PangoLayoutLine *line, int extra)
{
	PangoGlyphInfo **g;
	int n = 0, last = -1, gaps = 0, k = 0, share, rem;

	for (GSList *r = line->runs; r; r = r->next)
		n += ((PangoGlyphItem *)r->data)->glyphs->num_glyphs;
	if (n < 2)
		return;
	g = xmalloc((size_t)n * sizeof *g);
	n = 0;
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphString *gs = ((PangoGlyphItem *)r->data)->glyphs;

		for (int i = 0; i < gs->num_glyphs; i++)
			g[n++] = &gs->glyphs[i];
	}
	/* the gaps: before every cluster start but the first, up to the
	 * last visible glyph (a trailing space takes no share) */
	for (int i = 0; i < n; i++)
		if (g[i]->geometry.width > 0)
			last = i;
	for (int i = 1; i <= last; i++)
		if (g[i]->attr.is_cluster_start)
			gaps++;
	if (gaps > 0) {
		share = extra / gaps;
		rem = extra % gaps;
		for (int i = 1; i <= last; i++)
			if (g[i]->attr.is_cluster_start)
				g[i - 1]->geometry.width += share + (k++ < rem ? 1 : 0);
	}
	free(g);
}

/* Place every line of lay at the left edge of the text block, one per
 * `pitch`, breaking pages between lines.  justify: fill the width with
 * every line but the last of each paragraph. */
static void place_lines(struct pdf *p, PangoLayout *lay, double pitch, int justify)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	int width = pango_layout_get_width(lay);
	int nl = pango_layout_get_line_count(lay);
	int idx = 0;

	do {
		PangoRectangle log;
		PangoLayoutLine *line, *next;
		int base;

		/* the block before the tail goes with it: whole if short,
		 * else its last two lines */
		if (p->carry && p->cur + 1 == p->tail && idx == (nl <= 4 ? 0 : nl - 2) &&
		    (nl - idx) * pitch + p->tail_h <= BLOCK_H)
			pdf_need(p, (nl - idx) * pitch + p->tail_h);
		pdf_need(p, pitch);
		if (p->draw) {
			pango_layout_iter_get_line_extents(it, NULL, &log);
			base = pango_layout_iter_get_baseline(it);
			line = pango_layout_iter_get_line(it);
			next = pango_layout_get_line_readonly(lay, idx + 1);
			if (justify && width > 0 && next && !next->is_paragraph_start) {
				int extra = width - (log.x + log.width);

				/* not for a line cut short by a long Latin word */
				if (extra > 0 && extra < 3 * p->body_pt * PANGO_SCALE)
					justify_line(line, extra);
			}
			/* the line's logical box centred in its pitch */
			cairo_move_to(p->cr, MARGIN_L + PU(log.x),
			              MARGIN_T + p->y + (pitch - PU(log.height)) / 2 + PU(base - log.y));
			pango_cairo_show_layout_line(p->cr, line);
		}
		p->y += pitch;
		p->used = 1;
		if (p->cur < p->tail)
			p->body_on_page = 1;
		idx++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* "label：" for B_FIELD and B_SIGN, cleaned ("" for no label; the colon
 * only if the label has none); g_free() it */
static gchar *label_text(const char *label)
{
	gchar *l = clean_text(label);
	size_t n = strlen(l);
	gchar *r;

	if (n == 0 || l[n - 1] == ':' || (n >= 3 && strcmp(l + n - 3, "：") == 0))
		return l;
	r = g_strconcat(l, "：", NULL);
	g_free(l);
	return r;
}

/* B_FIELD "label：text", wrapped lines hanging under the text */
static PangoLayout *field_layout(struct pdf *p, const struct block *b)
{
	int width = (int)(BLOCK_W * PANGO_SCALE);
	PangoLayout *lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, width);
	gchar *label = label_text(b->label), *text = clean_text(b->text);
	/* the lines of a value (一、二、三…) break within one paragraph (LINE
	 * SEPARATOR), so that each hangs under the value, not the label */
	gchar **lines = g_strsplit(text, "\n", -1);
	gchar *joined = g_strjoinv("\u2028", lines);
	gchar *v = g_strconcat(label, joined, NULL);
	size_t prefix = strlen(label);
	PangoRectangle pos;

	g_strfreev(lines);
	g_free(joined);
	g_free(label);
	g_free(text);
	pango_layout_set_text(lay, v, -1);
	if (prefix > 0 && prefix <= strlen(v)) {
		PangoAttrList *old = pango_layout_get_attributes(lay);
		PangoAttrList *al = old ? pango_attr_list_copy(old) : pango_attr_list_new();
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);

		a->start_index = 0;
		a->end_index = (guint)prefix;
		pango_attr_list_insert(al, a);
		pango_layout_set_attributes(lay, al);
		pango_attr_list_unref(al);
		if (prefix < strlen(v)) {
			pango_layout_index_to_pos(lay, (int)prefix, &pos);
			if (pos.x > 0 && pos.x <= width / 2)
				pango_layout_set_indent(lay, -pos.x);   /* hanging */
		}
	}
	g_free(v);
	return lay;
}

static double sign_height(const struct pdf *p)
{
	return p->pitch < 30 ? 30 : p->pitch;
}

/* B_SIGN: "label：" and a rule to sign on (the text, if any, over it) */
static void place_sign(struct pdf *p, const struct block *b)
{
	double h = sign_height(p);
	PangoLayout *lay;
	gchar *s;

	pdf_need(p, h);
	if (p->draw) {
		PangoRectangle log;
		double x, base, rule, tw = 0;

		s = label_text(b->label);
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 1, 0, 0);
		pango_layout_set_text(lay, s, -1);
		g_free(s);
		pango_layout_get_extents(lay, NULL, &log);
		base = MARGIN_T + p->y + (h - PU(log.height)) / 2 + PU(pango_layout_get_baseline(lay) - log.y);
		cairo_move_to(p->cr, MARGIN_L, base - PU(pango_layout_get_baseline(lay)));
		pango_cairo_show_layout(p->cr, lay);
		x = MARGIN_L + PU(log.width) + p->body_pt / 2;
		g_object_unref(lay);
		if (b->text && *b->text) {
			lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, 0, 0);
			pdf_layout_text(lay, b->text);
			tw = PU(pdf_layout_width(lay));
			cairo_move_to(p->cr, x + p->body_pt / 2, base - PU(pango_layout_get_baseline(lay)));
			pango_cairo_show_layout(p->cr, lay);
			g_object_unref(lay);
		}
		rule = 10 * p->body_pt;
		if (rule < tw + p->body_pt)
			rule = tw + p->body_pt;
		if (x + rule > MARGIN_L + BLOCK_W)
			rule = MARGIN_L + BLOCK_W - x;
		cairo_save(p->cr);
		cairo_set_line_width(p->cr, RULE_PT);
		cairo_move_to(p->cr, x, base + p->body_pt * 0.25);
		cairo_rel_line_to(p->cr, rule, 0);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
	}
	p->y += h;
	p->used = 1;
	if (p->cur < p->tail)
		p->body_on_page = 1;
}

static int notice_like(int kind)
{
	return kind == DOC_NOTICE || kind == DOC_MEETING_NOTICE;
}

/* a B_ROW with no table: its cells on one line, two spaces apart;
 * g_free() it */
static gchar *row_as_line(const char *text)
{
	gchar **cells = g_strsplit(text ? text : "", "\t", -1);
	gchar *s = g_strjoinv("  ", cells);

	g_strfreev(cells);
	return s;
}

/* the width of a line of body text as set (Pango units) */
static int text_w(struct pdf *p, const char *text)
{
	PangoLayout *lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, -1);
	int w;

	pdf_layout_text(lay, text);
	w = pdf_layout_width(lay);
	g_object_unref(lay);
	return w;
}

/* How far a line of the 落款 ends from the right edge (pt): the 成文日期
 * 右空四字, a 署名 centred on it. */
static double signoff_right(struct pdf *p, const struct block *b)
{
	size_t i = (size_t)(b - p->d->b);
	size_t date = doc_signoff_date(p->d, i);
	double four = 4 * (p->body_pt + p->letter);

	if (date == i)
		return four;
	return doc_signoff_right(BLOCK_W, (double)text_w(p, p->d->b[date].text) / PANGO_SCALE,
	                         four, (double)text_w(p, b->text) / PANGO_SCALE);
}

/* The layout of a text block, its line pitch and whether it is justified;
 * NULL for the others (B_SPACE, B_PAGEBREAK, B_SIGN, B_CUT, B_THEAD; a
 * B_ROW here is one outside a table).  Caller unrefs. */
static PangoLayout *block_layout(struct pdf *p, const struct block *b,
                                 double *pitch, int *justify)
{
	int width = (int)(BLOCK_W * PANGO_SCALE);
	PangoLayout *lay;

	*pitch = p->pitch;
	*justify = 0;
	switch (b->kind) {
	case B_PAGEBREAK:
	case B_SPACE:
	case B_SIGN:
	case B_CUT:
	case B_THEAD:
	case B_CHART:
		return NULL;
	case B_ROW:                     /* one that stands outside a table */
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, width);
		{
			gchar *s = row_as_line(b->text);

			pdf_layout_text(lay, s);
			g_free(s);
		}
		*justify = 1;
		return lay;
	case B_TITLE:
		lay = pdf_layout_new(p, p->title_font, p->title_pt, 1, 0, width);
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
		/* on the grid: as many body lines as the title needs (no libm) */
		{
			int k = (int)(p->title_pt * 1.3 / p->pitch);

			if (k * p->pitch < p->title_pt * 1.3)
				k++;
			*pitch = p->pitch * k;
		}
		break;
	case B_SUBTITLE:
	case B_CENTER:
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, width);
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
		break;
	case B_HEADING:
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 1, p->letter, width);
		*justify = 1;
		break;
	case B_FIELD:
		*justify = 1;
		return field_layout(p, b);
	case B_PARA:
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, width);
		pango_layout_set_indent(lay, (int)(2 * (p->body_pt + p->letter) * PANGO_SCALE));
		*justify = 1;
		break;
	case B_RIGHT:
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter,
		                 (int)((BLOCK_W - signoff_right(p, b)) * PANGO_SCALE));
		pango_layout_set_alignment(lay, PANGO_ALIGN_RIGHT);
		break;
	case B_LINE:
	default:
		lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, p->letter, width);
		*justify = 1;
		break;
	}
	pdf_layout_text(lay, b->text);
	return lay;
}

/* ---- placing blocks ------------------------------------------------------------ */

/* declared here, defined below: the closing lines are measured like blocks */
static double block_height(struct pdf *p, const struct block *b, int all);

double pdf_closing_height(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;
	double h = 0;
	size_t j = i + 1;

	if (j >= d->n || d->b[j].kind == B_ROW)
		return 0;               /* not the last row */
	for (int k = 0; k < 3 && j < d->n && (d->b[j].kind == B_LINE || d->b[j].kind == B_SPACE ||
	                                      d->b[j].kind == B_PARA); k++)
		h += block_height(p, &d->b[j++], 1);
	if (j >= d->n || d->b[j].kind != B_SIGN)
		return 0;
	while (j < d->n && d->b[j].kind == B_SIGN)
		h += block_height(p, &d->b[j++], 1);
	return h;
}

/* the height block b takes (all = 1) or its first line takes (all = 0) */
static double block_height(struct pdf *p, const struct block *b, int all)
{
	double pitch;
	int justify;
	PangoLayout *lay;
	int n;

	switch (b->kind) {
	case B_PAGEBREAK: return 0;
	case B_SPACE:     return p->pitch;
	case B_SIGN:      return sign_height(p);
	case B_CUT:       return p->pitch;
	case B_THEAD:     return pdf_table_height(p, b, all);
	case B_CHART:     return pdf_chart_height(p, b);
	case B_ROW:
		if (doc_table_head(p->d, (size_t)(b - p->d->b)))
			return pdf_table_height(p, b, all);
		break;
	}
	lay = block_layout(p, b, &pitch, &justify);
	n = all ? pango_layout_get_line_count(lay) : 1;
	g_object_unref(lay);
	return n * pitch;
}

static int keeps_with_next(int kind)
{
	return kind == B_TITLE || kind == B_SUBTITLE || kind == B_HEADING;
}

/* Before block i, the room it must find on this page: a title or heading
 * (with the blank lines and headings right after it) with the first line
 * of what follows; a run of B_RIGHT (落款 and date) or of B_SIGN whole. */
static double block_keep(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;
	int kind = d->b[i].kind;
	double h = 0;
	size_t j = i;

	if (keeps_with_next(kind)) {
		while (j < d->n && (keeps_with_next(d->b[j].kind) || d->b[j].kind == B_SPACE))
			h += block_height(p, &d->b[j++], 1);
		if (j < d->n)
			h += block_height(p, &d->b[j], 0);
	} else if ((kind == B_RIGHT || kind == B_SIGN) &&
	           (i == 0 || d->b[i - 1].kind != kind)) {
		while (j < d->n && d->b[j].kind == kind)
			h += block_height(p, &d->b[j++], 1);
	}
	return h;
}

static void place_block(struct pdf *p, size_t i)
{
	const struct block *b = &p->d->b[i];
	PangoLayout *lay;
	double pitch, keep;
	int justify;

	if (p->thead && b->kind != B_ROW)
		pdf_table_end(p);
	switch (b->kind) {
	case B_THEAD:
		pdf_place_head(p, i);
		return;
	case B_ROW:
		if (p->thead) {
			pdf_place_row(p, b);
			return;
		}
		break;                  /* no table: a line */
	case B_CUT:
		pdf_place_cut(p);
		return;
	case B_CHART:
		pdf_place_chart(p, b);
		return;
	case B_PAGEBREAK:
		if (p->used) {
			pdf_page_new(p);
			p->forced = 1;
		}
		p->piece = 0;           /* pieces: the first part of the new page */
		return;
	case B_SPACE:
		if (!p->used)
			return;                 /* no blank line at the top of a page */
		if (p->y + p->pitch > BLOCK_H + 0.01)
			pdf_page_new(p);
		else
			p->y += p->pitch;
		return;
	}
	keep = block_keep(p, i);
	if (keep > 0 && keep <= BLOCK_H)
		pdf_need(p, keep);
	if (b->kind == B_SIGN) {
		place_sign(p, b);
		return;
	}
	lay = block_layout(p, b, &pitch, &justify);
	place_lines(p, lay, pitch, justify);
	g_object_unref(lay);
}

/* one pass over the document; returns the number of pages */
static int run_pass(struct pdf *p, int draw, int npages)
{
	p->draw = draw;
	p->npages = npages;
	p->page = 1;
	p->y = 0;
	p->used = 0;
	p->body_on_page = 0;
	p->forced = 0;
	p->thead = NULL;
	p->piece = 0;
	p->tail_h = 0;
	for (size_t i = p->tail; i < p->d->n; i++)
		p->tail_h += block_height(p, &p->d->b[i], 1);
	for (p->cur = 0; p->cur < p->d->n; p->cur++)
		place_block(p, p->cur);
	p->tail_alone = p->page > 1 && p->tail < p->d->n && !p->body_on_page && !p->forced;
	page_end(p);
	return p->page;
}

static int is_tail(int kind)
{
	return kind == B_RIGHT || kind == B_SIGN || kind == B_SPACE;
}

/* Count the pages.  When the 落款 or the signatures would stand alone on
 * the last page, do what GB/T 9704 suggests (调整行距): close the lines up
 * a little, at most 20 % (22 lines a page become 27); if that is not
 * enough, take the end of the body over to the new page with them. */
static int count_pages(struct pdf *p)
{
	double pitch = p->pitch;
	int n = 0;

	p->tail = p->d->n;
	while (p->tail > 0 && is_tail(p->d->b[p->tail - 1].kind))
		p->tail--;
	if (p->tail == 0)
		p->tail = p->d->n;              /* all tail: nothing to keep it with */
	for (int step = 0; step <= 8; step++) {
		p->pitch = pitch * (1 - 0.025 * step);
		n = run_pass(p, 0, 0);
		if (!p->tail_alone)
			return n;
	}
	p->pitch = pitch;
	p->carry = 1;
	return run_pass(p, 0, 0);
}

/* ---- the file --------------------------------------------------------------- */

static cairo_status_t write_fn(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *f = closure;

	return fwrite(data, 1, len, f) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* A doc of pieces: the height of the tallest (its blocks one after
 * another; a table's rows are not put back on the grid at its end). */
static double tallest_piece(struct pdf *p)
{
	double h = 0, max = 0;

	for (size_t i = 0; i < p->d->n; i++) {
		int kind = p->d->b[i].kind;

		if (kind == B_CUT || kind == B_PAGEBREAK) {
			if (h > max)
				max = h;
			h = 0;
		} else {
			h += block_height(p, &p->d->b[i], 1);
		}
	}
	return h > max ? h : max;
}

/* how many pieces go to a page: as many as asked whose parts each hold
 * the tallest piece and the line of a cut */
static int pieces_fit(struct pdf *p)
{
	double h = tallest_piece(p);
	int n = p->d->pieces;

	while (n > 1 && BLOCK_H / n < h + p->pitch)
		n--;
	return n;
}

/* The fonts, sizes and grid of a doc: 0, or -1 with a message. */
static int pdf_setup(struct pdf *p, const struct doc *d, const struct pdf_opts *o,
                     char *err, size_t errlen)
{
	int cpl;
	double lines;

	memset(p, 0, sizeof *p);
	p->d = d;
	/* the fonts: the caller's, else the environment's (YISHITING_BODY_FONT,
	 * YISHITING_TITLE_FONT: fontconfig family names, e.g. "FangSong" on a
	 * machine that has it), else Noto Serif CJK SC */
	const char *bf = o && o->body_font ? o->body_font : getenv("YISHITING_BODY_FONT");
	const char *tf = o && o->title_font ? o->title_font : getenv("YISHITING_TITLE_FONT");
	if (bf && !*bf)
		bf = NULL;
	if (tf && !*tf)
		tf = NULL;
	if (pdf_font_pick(bf, p->body_font, sizeof p->body_font, err, errlen) < 0 ||
	    pdf_font_pick(tf, p->title_font, sizeof p->title_font, err, errlen) < 0)
		return -1;
	p->title_pt = o && o->title_pt > 0 ? o->title_pt : d->title_pt > 0 ? d->title_pt : 22;
	p->body_pt = o && o->body_pt > 0 ? o->body_pt : d->body_pt > 0 ? d->body_pt
	           : notice_like(d->kind) ? 16 : 12;

	/* the grid: a whole number of lines (about 1.8 × the size apart) fills
	 * the block's height, a whole number of characters its width */
	lines = BLOCK_H / (p->body_pt * 1.8);
	lines = lines < 1 ? 1 : (double)(long)(lines + 0.5);
	p->pitch = BLOCK_H / lines;
	cpl = (int)(BLOCK_W / p->body_pt + 0.5);
	p->letter = cpl > 0 ? BLOCK_W / cpl - p->body_pt - 0.01 : 0;
	if (p->letter > 0.1 * p->body_pt || p->letter < -0.1 * p->body_pt)
		p->letter = 0;
	return 0;
}

/* Draw on surf: the cairo and pango contexts, the fonts' metrics unhinted
 * (the same on every surface), and for a doc of pieces how many to a page.
 * pdf_done() frees them. */
static void pdf_begin(struct pdf *p, cairo_surface_t *surf)
{
	cairo_font_options_t *fo;

	p->cr = cairo_create(surf);
	p->ctx = pango_cairo_create_context(p->cr);
	pango_context_set_language(p->ctx, pango_language_from_string("zh-cn"));
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->ctx, fo);
	cairo_font_options_destroy(fo);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->per = p->d->pieces > 0 ? pieces_fit(p) : 0;
}

static cairo_status_t pdf_done(struct pdf *p)
{
	cairo_status_t st;

	g_object_unref(p->ctx);
	st = cairo_status(p->cr);
	cairo_destroy(p->cr);
	return st;
}

int render_pdf_pieces(const struct doc *d, const struct pdf_opts *o, char *err, size_t errlen)
{
	struct pdf p;
	cairo_surface_t *surf;
	int per;

	if (!d || d->pieces <= 0)
		return 0;
	if (pdf_setup(&p, d, o, err, errlen) != 0)
		return -1;
	surf = cairo_pdf_surface_create_for_stream(NULL, NULL, PAGE_W, PAGE_H);  /* no output */
	pdf_begin(&p, surf);
	per = p.per;
	pdf_done(&p);
	cairo_surface_destroy(surf);
	return per;
}

int render_pdf(const struct doc *d, const struct pdf_opts *o, const char *path,
               char *err, size_t errlen)
{
	struct pdf p;
	cairo_surface_t *surf;
	cairo_status_t st;
	FILE *f;
	int n, rc = 0, e;

	if (err && errlen)
		err[0] = '\0';
	if (!d || !path || !*path) {
		ys_snprintf(err, errlen, "没有要生成的文档或文件名。");
		return -1;
	}
	if (pdf_setup(&p, d, o, err, errlen) != 0)
		return -1;

	f = fopen(path, "wb");
	if (!f) {
		ys_snprintf(err, errlen, "无法写入文件「%s」：%s。", path, ys_errno_zh(errno));
		return -1;
	}
	surf = cairo_pdf_surface_create_for_stream(write_fn, f, PAGE_W, PAGE_H);
	if (d->title && *d->title) {
		gchar *t = clean_text(d->title);       /* cairo refuses bad UTF-8 */

		cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, t);
		g_free(t);
	}
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "议事厅 yishiting");
	pdf_begin(&p, surf);
	n = count_pages(&p);
	run_pass(&p, 1, n);
	st = pdf_done(&p);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	e = ferror(f) ? (errno ? errno : EIO) : 0;
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	if (e || st != CAIRO_STATUS_SUCCESS) {
		if (e)
			ys_snprintf(err, errlen, "写入文件「%s」失败：%s。", path, ys_errno_zh(e));
		else
			ys_snprintf(err, errlen, "生成 PDF「%s」失败：%s。", path,
			            cairo_status_to_string(st));
		unlink(path);
		rc = -1;
	}
	return rc;
}
