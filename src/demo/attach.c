/* attach.c: the demo's attachments (data/demo/attachments.tsv) — a scan
 * of a signed 签到表, a photo of a posted notice, a photo of the finished
 * work — attached through ops once the year has been replayed, each at
 * its own moment and by its clerk.  The pictures are drawn here, as small
 * greyscale PNGs written without a library (stored deflate blocks): they
 * show what an attachment looks like in the dossier, nothing more. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "ops/ops.h"
#include "demo_int.h"

#define PIC_W 240
#define PIC_H 170

/* ---- a PNG by hand ------------------------------------------------------------ */

static unsigned long crc_table[256];

static unsigned long crc32_of(const unsigned char *p, size_t n, unsigned long c)
{
	if (!crc_table[1])
		for (unsigned long i = 0; i < 256; i++) {
			unsigned long v = i;
			for (int k = 0; k < 8; k++)
				v = v & 1 ? 0xedb88320UL ^ (v >> 1) : v >> 1;
			crc_table[i] = v;
		}
	c ^= 0xffffffffUL;
	for (size_t i = 0; i < n; i++)
		c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffUL;
}

static void be32(struct strbuf *sb, unsigned long v)
{
	char b[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v };
	sb_addn(sb, b, 4);
}

static void chunk(struct strbuf *sb, const char *type, const unsigned char *data, size_t n)
{
	size_t at;

	be32(sb, (unsigned long)n);
	at = sb->len;
	sb_addn(sb, type, 4);
	if (n)
		sb_addn(sb, (const char *)data, n);
	be32(sb, crc32_of((const unsigned char *)sb->s + at, n + 4, 0));
}

/* a greyscale image (w × h bytes) as PNG bytes: zlib with stored blocks */
static void png_of(const unsigned char *px, int w, int h, struct strbuf *out)
{
	struct strbuf raw = { 0 }, z = { 0 };
	unsigned long a = 1, b = 0;
	unsigned char ihdr[13] = { 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0 };

	for (int y = 0; y < h; y++) {
		sb_addn(&raw, "", 1);                  /* filter: none */
		sb_addn(&raw, (const char *)px + (size_t)y * (size_t)w, (size_t)w);
	}
	for (size_t i = 0; i < raw.len; i++) {
		a = (a + (unsigned char)raw.s[i]) % 65521;
		b = (b + a) % 65521;
	}
	sb_addn(&z, "\x78\x01", 2);
	for (size_t at = 0; at < raw.len;) {
		size_t n = raw.len - at > 65535 ? 65535 : raw.len - at;
		char hd[5] = { (char)(at + n == raw.len), (char)(n & 0xff), (char)(n >> 8),
		               (char)(~n & 0xff), (char)((~n >> 8) & 0xff) };
		sb_addn(&z, hd, 5);
		sb_addn(&z, raw.s + at, n);
		at += n;
	}
	be32(&z, (b << 16) | a);
	ihdr[0] = (unsigned char)(w >> 24); ihdr[1] = (unsigned char)(w >> 16);
	ihdr[2] = (unsigned char)(w >> 8);  ihdr[3] = (unsigned char)w;
	ihdr[4] = (unsigned char)(h >> 24); ihdr[5] = (unsigned char)(h >> 16);
	ihdr[6] = (unsigned char)(h >> 8);  ihdr[7] = (unsigned char)h;
	sb_addn(out, "\x89PNG\r\n\x1a\n", 8);
	chunk(out, "IHDR", ihdr, sizeof ihdr);
	chunk(out, "IDAT", (const unsigned char *)z.s, z.len);
	chunk(out, "IEND", NULL, 0);
	sb_free(&raw);
	sb_free(&z);
}

/* ---- the pictures ---------------------------------------------------------------- */

/* a form on paper: a frame, a darker head row, ruled rows, and in each
 * row a stroke where someone signed */
static void draw_form(unsigned char *px, int w, int h)
{
	memset(px, 246, (size_t)w * (size_t)h);
	for (int y = 12; y < h - 10; y++)
		for (int x = 14; x < w - 14; x++) {
			int row = (y - 30) / 12, edge = y == 12 || y == h - 11 || x == 14 || x == w - 15;
			if (edge || (y >= 30 && (y - 30) % 12 == 0) || x == 40 || x == 110)
				px[y * w + x] = 60;
			else if (y < 30)
				px[y * w + x] = 200;
			else if (x > 118 && x < w - 30 && row % 5 != 4) {
				/* a signature: a wave that differs from row to row */
				int mid = 30 + row * 12 + 6;
				int dy = ((x * (3 + row % 4)) / 7 + row * 5) % 9 - 4;
				if (y == mid + dy / 2 && (x + row) % 23 < 17)
					px[y * w + x] = 40;
			}
		}
}

/* a photo: sky getting lighter, a grey lane between two walls */
static void draw_photo(unsigned char *px, int w, int h)
{
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			int v;
			if (y < h / 3)
				v = 150 + y * 2;
			else if (abs(x - w / 2) < (y - h / 3) * w / (h * 4 / 3) + 6)
				v = 120 + ((x / 8 + y / 6) % 2) * 6;           /* the new surface */
			else
				v = 90 + (y % 14 < 2 ? -30 : 0) + (x % 40 < 2 ? -20 : 0);   /* brick walls */
			px[y * w + x] = (unsigned char)v;
		}
}

/* a notice on the board: a sheet with a title, lines of text and a red
 * seal (grey here) on a dark board */
static void draw_notice(unsigned char *px, int w, int h)
{
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			int in = x > 60 && x < w - 60 && y > 10 && y < h - 10, v = 70;
			if (in) {
				int cx = x - (w - 100), cy = y - (h - 40);
				v = 240;
				if (y > 22 && y < 30 && x > 90 && x < w - 90)
					v = 40;                                  /* the title */
				else if (y > 40 && y < h - 50 && (y - 40) % 9 < 2 && x > 72 && x < w - 72)
					v = 90;                                  /* the text */
				else if (cx * cx + cy * cy < 18 * 18 && cx * cx + cy * cy > 15 * 15)
					v = 130;                                 /* the seal */
			}
			px[y * w + x] = (unsigned char)v;
		}
}

/* ---- the table ---------------------------------------------------------------------- */

int demo_attach(struct demo *d)
{
	static const char *const names[] = { "at", "owner", "number", "title", "file", "by", "picture" };
	static const char *const owners[] = { "议题", "会议", "公示" };
	struct tsv t;
	int c[7], rc = 0;
	char err[512], id[ID_LEN];
	unsigned char *px = xmalloc((size_t)PIC_W * PIC_H);

	if (tsv_load(d, &t, DEMO_DIR "attachments.tsv") != 0 || tsv_cols(d, &t, names, c, 7) != 0) {
		tsv_free(&t);
		free(px);
		return -1;
	}
	for (int r = 0; r < t.nrows && rc == 0; r++) {
		int kind = 0;
		time_t at = opt_stamp(fld(&t, r, c[0]));
		struct attachment a;
		struct strbuf png = { 0 };

		for (int k = 0; k < 3; k++)
			if (strcmp(fld(&t, r, c[1]), owners[k]) == 0)
				kind = k + 1;
		if (at <= 0 || !kind || person_by_name(d, fld(&t, r, c[5])) < 0) {
			rc = row_err(d, &t, r, "时间、所属（议题、会议或公示）或录入人不对");
			break;
		}
		ys_clock_set(at);
		if (strcmp(fld(&t, r, c[6]), "照片") == 0)
			draw_photo(px, PIC_W, PIC_H);
		else if (strcmp(fld(&t, r, c[6]), "公示") == 0)
			draw_notice(px, PIC_W, PIC_H);
		else
			draw_form(px, PIC_W, PIC_H);
		png_of(px, PIC_W, PIC_H, &png);
		if (ops_operator_set(d->st, fld(&t, r, c[5]), err, sizeof err) != 0 ||
		    ops_attach_owner(d->st, kind, fld(&t, r, c[2]), id, err, sizeof err) != 0 ||
		    ops_attach_bytes(d->st, kind, id, png.s, png.len, fld(&t, r, c[4]), fld(&t, r, c[3]),
		                     &a, err, sizeof err) != 0)
			rc = row_err(d, &t, r, err);
		sb_free(&png);
	}
	/* the demo names no clerk (as replay leaves it) */
	if (rc == 0 && ops_operator_set(d->st, "", err, sizeof err) != 0)
		rc = derr(d, NULL, 0, "%s", err);
	tsv_free(&t);
	free(px);
	return rc;
}
