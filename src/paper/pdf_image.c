/* pdf_image.c: pictures in the PDF (B_IMAGE) — a scan or photo on a page
 * of its own, under its caption, scaled to fit the text block — and the
 * table of contents (B_CONTENTS) with the pages the sections landed on.
 *
 * PNG is decoded by cairo, JPEG by libjpeg (a JPEG taken whole into the
 * PDF as its own bytes when cairo can: smaller and not decoded twice).
 * A picture larger than IMAGE_MAX_PIXELS is refused (PNG) or decoded at
 * a half, quarter or eighth of its size (JPEG), so that a 20 MB file
 * cannot ask for gigabytes. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <jpeglib.h>

#include "base/util.h"
#include "pdf_int.h"

#define IMAGE_MAX_PIXELS (40L * 1000 * 1000)
#define IMAGE_MAX_SCALE  3.0     /* pt per pixel: a small picture is not blown up past this */

/* ---- PNG -------------------------------------------------------------------- */

struct mem { const unsigned char *p; size_t n, at; };

static cairo_status_t mem_read(void *closure, unsigned char *out, unsigned int len)
{
	struct mem *m = closure;

	if (m->n - m->at < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(out, m->p + m->at, len);
	m->at += len;
	return CAIRO_STATUS_SUCCESS;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static cairo_surface_t *png_decode(const unsigned char *data, size_t n, char *err, size_t errlen)
{
	struct mem m = { data, n, 0 };
	cairo_surface_t *s;

	/* the size from the header (IHDR) before anything is decoded */
	if (n < 24 || memcmp(data + 12, "IHDR", 4) != 0) {
		ys_err(err, errlen, "PNG 文件不完整");
		return NULL;
	}
	if ((double)be32(data + 16) * (double)be32(data + 20) > (double)IMAGE_MAX_PIXELS) {
		ys_err(err, errlen, "图片太大（%lu×%lu 像素）", be32(data + 16), be32(data + 20));
		return NULL;
	}
	s = cairo_image_surface_create_from_png_stream(mem_read, &m);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		ys_err(err, errlen, "PNG 无法解码（%s）", cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

/* ---- JPEG -------------------------------------------------------------------- */

/* the EXIF orientation of a JPEG (a phone's photo is stored as the sensor
 * saw it, with a tag saying how to turn it): 1..8, 1 when none */
int image_orientation(const unsigned char *p, size_t n)
{
	size_t i = 2;

	if (n < 4 || p[0] != 0xff || p[1] != 0xd8)
		return 1;
	/* the segments before the image data */
	while (i + 4 <= n && p[i] == 0xff) {
		unsigned marker = p[i + 1];
		size_t len = (size_t)p[i + 2] << 8 | p[i + 3];

		if (marker == 0xda || marker == 0xd9 || len < 2 || i + 2 + len > n)
			break;
		if (marker == 0xe1 && len >= 16 && memcmp(p + i + 4, "Exif\0\0", 6) == 0) {
			const unsigned char *t = p + i + 10;            /* the TIFF header */
			size_t tn = len - 8, ifd;
			int le = t[0] == 'I' && t[1] == 'I';
			unsigned cnt;
#define U16(q) (le ? (unsigned)(q)[0] | (unsigned)(q)[1] << 8 : (unsigned)(q)[0] << 8 | (unsigned)(q)[1])
#define U32(q) (le ? (size_t)(q)[0] | (size_t)(q)[1] << 8 | (size_t)(q)[2] << 16 | (size_t)(q)[3] << 24 \
                   : (size_t)(q)[0] << 24 | (size_t)(q)[1] << 16 | (size_t)(q)[2] << 8 | (size_t)(q)[3])
			if (!le && !(t[0] == 'M' && t[1] == 'M'))
				return 1;
			ifd = U32(t + 4);
			if (ifd + 2 > tn)
				return 1;
			cnt = U16(t + ifd);
			for (unsigned k = 0; k < cnt && ifd + 2 + 12 * (size_t)(k + 1) <= tn; k++) {
				const unsigned char *e = t + ifd + 2 + 12 * (size_t)k;
				if (U16(e) == 0x0112 && U16(e + 2) == 3) {
					unsigned v = U16(e + 8);
					return v >= 1 && v <= 8 ? (int)v : 1;
				}
			}
#undef U16
#undef U32
			return 1;
		}
		i += 2 + len;
	}
	return 1;
}

struct jerr {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char msg[JMSG_LENGTH_MAX];
};

static void jpeg_fail(j_common_ptr c)
{
	struct jerr *e = (struct jerr *)c->err;

	(*c->err->format_message)(c, e->msg);
	longjmp(e->jump, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
	(void)c;
	(void)level;            /* warnings (a damaged stream read on) are not printed */
}

static void free_copy(void *p)
{
	free(p);
}

static cairo_surface_t *jpeg_decode(const unsigned char *data, size_t n, char *err, size_t errlen)
{
	struct jpeg_decompress_struct c;
	struct jerr e;
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	int cmyk, inverted;

	memset(&c, 0, sizeof c);
	c.err = jpeg_std_error(&e.pub);
	e.pub.error_exit = jpeg_fail;
	e.pub.emit_message = jpeg_quiet;
	if (setjmp(e.jump)) {
		ys_err(err, errlen, "JPEG 无法解码（%s）", e.msg);
		jpeg_destroy_decompress(&c);
		if (s)
			cairo_surface_destroy(s);
		free(row);
		return NULL;
	}
	jpeg_create_decompress(&c);
	jpeg_mem_src(&c, data, (unsigned long)n);
	jpeg_read_header(&c, TRUE);
	cmyk = c.jpeg_color_space == JCS_CMYK || c.jpeg_color_space == JCS_YCCK;
	inverted = c.saw_Adobe_marker;
	c.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
	/* a huge picture decoded smaller: 1/2, 1/4, 1/8 */
	c.scale_num = 1;
	c.scale_denom = 1;
	while (c.scale_denom < 8 &&
	       (double)c.image_width / c.scale_denom * ((double)c.image_height / c.scale_denom) >
	       (double)IMAGE_MAX_PIXELS)
		c.scale_denom *= 2;
	jpeg_start_decompress(&c);
	if ((double)c.output_width * c.output_height > (double)IMAGE_MAX_PIXELS) {
		ys_strlcpy(e.msg, "图片太大", sizeof e.msg);
		longjmp(e.jump, 1);
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)c.output_width, (int)c.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		ys_strlcpy(e.msg, "内存不足", sizeof e.msg);
		longjmp(e.jump, 1);
	}
	cairo_surface_flush(s);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	row = xmalloc((size_t)c.output_width * 4);
	while (c.output_scanline < c.output_height) {
		unsigned char *line = px + (size_t)c.output_scanline * (size_t)stride;
		JSAMPROW r = cmyk ? row : line;

		jpeg_read_scanlines(&c, &r, 1);
		if (cmyk) {
			/* CMYK (Adobe writes it inverted) to BGRX */
			for (JDIMENSION x = 0; x < c.output_width; x++) {
				unsigned char *q = row + 4 * x;
				unsigned k = inverted ? q[3] : 255u - q[3];
				unsigned cy = inverted ? q[0] : 255u - q[0];
				unsigned ma = inverted ? q[1] : 255u - q[1];
				unsigned ye = inverted ? q[2] : 255u - q[2];
				line[4 * x + 0] = (unsigned char)(ye * k / 255);
				line[4 * x + 1] = (unsigned char)(ma * k / 255);
				line[4 * x + 2] = (unsigned char)(cy * k / 255);
				line[4 * x + 3] = 255;
			}
		}
	}
	cairo_surface_mark_dirty(s);
	/* the picture as it is, in the PDF: only when decoded whole and not CMYK */
	if (c.scale_denom == 1 && !cmyk) {
		unsigned char *copy = xmalloc(n);
		memcpy(copy, data, n);
		if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, n, free_copy, copy) !=
		    CAIRO_STATUS_SUCCESS)
			free(copy);
	}
	jpeg_finish_decompress(&c);
	jpeg_destroy_decompress(&c);
	free(row);
	return s;
}

cairo_surface_t *pdf_image_decode(const unsigned char *data, size_t n, char *err, size_t errlen)
{
	if (n >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		return png_decode(data, n, err, errlen);
	if (n >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
		return jpeg_decode(data, n, err, errlen);
	ys_err(err, errlen, "不是 PNG 或 JPEG 图片");
	return NULL;
}

/* ---- placing a picture -------------------------------------------------------- */

void pdf_place_image(struct pdf *p, const struct block *b)
{
	PangoLayout *lay;
	double top, avail_w = BLOCK_W, avail_h;
	char why[256];
	int h;

	if (p->used)
		pdf_page_new(p);
	p->at[p->cur] = p->page;
	/* the caption, bold, over the picture */
	lay = pdf_layout_new(p, p->body_font, p->body_pt, 1, 0, (int)(BLOCK_W * PANGO_SCALE));
	pdf_layout_text(lay, b->text);
	pango_layout_get_size(lay, NULL, &h);
	if (p->draw) {
		cairo_move_to(p->cr, MARGIN_L, MARGIN_T);
		pango_cairo_show_layout(p->cr, lay);
	}
	g_object_unref(lay);
	top = PU(h) + p->pitch / 2;
	avail_h = BLOCK_H - top - 3 * MM;        /* clear of the footer */
	if (p->draw) {
		cairo_surface_t *img = pdf_image_decode(b->data, b->len, why, sizeof why);

		if (img) {
			double w = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
			int o = image_orientation(b->data, b->len);
			/* as it is to be seen: turned a quarter, width and height swap */
			double dw = o >= 5 ? ih : w, dh = o >= 5 ? w : ih;
			double sc = avail_w / dw < avail_h / dh ? avail_w / dw : avail_h / dh;
			/* the picture's pixels onto the box it is seen in (EXIF 1..8) */
			static const double turn[9][4] = {
				{ 1, 0, 0, 1 }, { 1, 0, 0, 1 }, { -1, 0, 0, 1 }, { -1, 0, 0, -1 }, { 1, 0, 0, -1 },
				{ 0, 1, 1, 0 }, { 0, 1, -1, 0 }, { 0, -1, -1, 0 }, { 0, -1, 1, 0 },
			};
			const double *t = turn[o];
			cairo_matrix_t m;

			if (sc > IMAGE_MAX_SCALE)
				sc = IMAGE_MAX_SCALE;
			/* xx yx xy yy: x' = xx x + xy y, y' = yx x + yy y, then moved
			 * back into the box */
			cairo_matrix_init(&m, t[0], t[1], t[2], t[3],
			                  t[0] < 0 || t[2] < 0 ? dw : 0, t[1] < 0 || t[3] < 0 ? dh : 0);
			cairo_save(p->cr);
			cairo_translate(p->cr, MARGIN_L + (avail_w - dw * sc) / 2, MARGIN_T + top);
			cairo_scale(p->cr, sc, sc);
			cairo_transform(p->cr, &m);
			cairo_set_source_surface(p->cr, img, 0, 0);
			cairo_pattern_set_filter(cairo_get_source(p->cr), CAIRO_FILTER_GOOD);
			cairo_rectangle(p->cr, 0, 0, w, ih);
			cairo_fill(p->cr);
			cairo_restore(p->cr);
			/* a thin frame: where the picture ends on white paper */
			cairo_save(p->cr);
			cairo_set_line_width(p->cr, 0.3);
			cairo_set_source_rgb(p->cr, 0.5, 0.5, 0.5);
			cairo_rectangle(p->cr, MARGIN_L + (avail_w - dw * sc) / 2, MARGIN_T + top, dw * sc, dh * sc);
			cairo_stroke(p->cr);
			cairo_restore(p->cr);
			cairo_surface_destroy(img);
		} else {
			char *s = xasprintf("（图片无法显示：%s。原文件可用 yishiting export attachment 导出。）", why);
			lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, 0, (int)(BLOCK_W * PANGO_SCALE));
			pdf_layout_text(lay, s);
			cairo_move_to(p->cr, MARGIN_L, MARGIN_T + top);
			pango_cairo_show_layout(p->cr, lay);
			g_object_unref(lay);
			free(s);
		}
	}
	/* the page is the picture's */
	p->y = BLOCK_H;
	p->used = 1;
	if (p->cur < p->tail)
		p->body_on_page = 1;
}

/* ---- the contents ------------------------------------------------------------- */

void pdf_place_contents(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;

	for (size_t k = i + 1; k < d->n; k++) {
		const struct block *b = &d->b[k];
		double indent, numw = 3 * p->body_pt;
		PangoLayout *lay;
		char num[16];

		if (!b->toc)
			continue;
		pdf_need(p, p->pitch);
		if (p->at[i] == 0)
			p->at[i] = p->page;
		indent = b->toc > 1 ? 2 * p->body_pt : 0;
		if (p->draw) {
			PangoRectangle log;
			double base, x_end;
			int w;

			/* one line: a title too long ends in 「…」 */
			lay = pdf_layout_new(p, p->body_font, p->body_pt, b->toc == 1, 0,
			                     (int)((BLOCK_W - indent - numw - p->body_pt) * PANGO_SCALE));
			pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
			pango_layout_set_single_paragraph_mode(lay, TRUE);
			pdf_layout_text(lay, b->text);
			pango_layout_get_extents(lay, NULL, &log);
			base = MARGIN_T + p->y + (p->pitch - PU(log.height)) / 2;
			cairo_move_to(p->cr, MARGIN_L + indent, base);
			pango_cairo_show_layout(p->cr, lay);
			x_end = MARGIN_L + indent + PU(log.width);
			base += PU(pango_layout_get_baseline(lay));
			g_object_unref(lay);
			/* the page, from the pass before this one */
			snprintf(num, sizeof num, "%d", p->prev_at ? p->prev_at[k] : 0);
			lay = pdf_layout_new(p, p->body_font, p->body_pt, 0, 0, 0);
			pdf_layout_text(lay, p->prev_at && p->prev_at[k] ? num : "");
			w = pdf_layout_width(lay);
			cairo_move_to(p->cr, MARGIN_L + BLOCK_W - PU(w), base - PU(pango_layout_get_baseline(lay)));
			pango_cairo_show_layout(p->cr, lay);
			g_object_unref(lay);
			/* dot leaders between them */
			cairo_save(p->cr);
			{
				double dash[2] = { 0, p->body_pt / 3 };
				cairo_set_line_width(p->cr, 1.0);
				cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
				cairo_set_dash(p->cr, dash, 2, 0);
				cairo_move_to(p->cr, x_end + p->body_pt / 2, base);
				cairo_line_to(p->cr, MARGIN_L + BLOCK_W - PU(w) - p->body_pt / 2, base);
				cairo_stroke(p->cr);
			}
			cairo_restore(p->cr);
		}
		p->y += p->pitch;
		p->used = 1;
		if (p->cur < p->tail)
			p->body_on_page = 1;
	}
}
