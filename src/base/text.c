/* text.c: UTF-8 decoding, display widths and fitting text into columns.
 *
 * Widths come from the tables below, not from wcwidth(): the C library's
 * answer depends on the process locale and on its Unicode version, and the
 * screen layout must not.  The tables are deliberately compact: the scripts
 * a Chinese community office meets, not all of Unicode. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/util.h"

struct range {
	uint32_t lo, hi;
};

/* Combining marks and similar: drawn on the previous character. */
static const struct range zero_tab[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
	{0x0E47, 0x0E4E}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
	{0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE20, 0xFE2F},
	{0xE0100, 0xE01EF},
};

/* Invisible format characters (zero width space, joiners, bidi controls,
 * BOM, variation selectors).  Terminals disagree about them, so they are
 * dropped from displayed text altogether; their width is 0. */
static const struct range format_tab[] = {
	{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0xFE00, 0xFE0F},
	{0xFEFF, 0xFEFF}, {0xE0001, 0xE007F},
};

/* East Asian Wide and Fullwidth: two columns everywhere. */
static const struct range wide_tab[] = {
	{0x1100, 0x115F},       /* Hangul Jamo initials */
	{0x2329, 0x232A},       /* angle brackets */
	{0x2E80, 0x303E},       /* radicals, ideographic description, CJK punctuation */
	{0x3041, 0x33FF},       /* kana, bopomofo, enclosed CJK, CJK compatibility */
	{0x3400, 0x4DBF},       /* Ext A */
	{0x4E00, 0x9FFF},       /* CJK Unified Ideographs */
	{0xA000, 0xA4CF},       /* Yi */
	{0xA960, 0xA97F},       /* Hangul Jamo Ext A */
	{0xAC00, 0xD7A3},       /* Hangul syllables */
	{0xF900, 0xFAFF},       /* CJK compatibility ideographs */
	{0xFE10, 0xFE19},       /* vertical forms */
	{0xFE30, 0xFE6F},       /* CJK compatibility forms, small forms */
	{0xFF00, 0xFF60},       /* fullwidth forms */
	{0xFFE0, 0xFFE6},
	{0x1F200, 0x1F2FF},     /* enclosed ideographic supplement */
	{0x1F300, 0x1F64F},     /* pictographs, emoticons */
	{0x1F680, 0x1F6FF},     /* transport and map */
	{0x1F900, 0x1F9FF},     /* supplemental pictographs */
	{0x20000, 0x2FFFD},     /* Ext B.. */
	{0x30000, 0x3FFFD},
};

/* East Asian Ambiguous characters that turn up in Chinese text.  Their
 * width depends on the terminal; we count text_ambiguous_width() for them.
 * Latin letters with accents (also Ambiguous) are left at 1: terminals
 * almost always draw them narrow.  U+25B8 ▸ is Neutral, not listed. */
static const struct range ambig_tab[] = {
	{0x00A7, 0x00A8}, {0x00B0, 0x00B1}, {0x00B7, 0x00B7}, {0x00D7, 0x00D7},
	{0x00F7, 0x00F7}, {0x02C7, 0x02C7}, {0x02C9, 0x02CB}, {0x02D9, 0x02D9},
	{0x0391, 0x03A1}, {0x03A3, 0x03A9}, {0x03B1, 0x03C1}, {0x03C3, 0x03C9},
	{0x0401, 0x0401}, {0x0410, 0x044F}, {0x0451, 0x0451},
	{0x2013, 0x2016},       /* – — ― ‖ */
	{0x2018, 0x2019}, {0x201C, 0x201D},     /* ‘ ’ “ ” */
	{0x2020, 0x2022}, {0x2025, 0x2026},     /* † ‡ • ‥ … */
	{0x2030, 0x2030}, {0x2032, 0x2033}, {0x203B, 0x203B},   /* ‰ ′ ″ ※ */
	{0x2103, 0x2103}, {0x2116, 0x2116},     /* ℃ № */
	{0x2160, 0x216B}, {0x2170, 0x2179},     /* Ⅰ-Ⅻ ⅰ-ⅹ */
	{0x2190, 0x2199}, {0x21D2, 0x21D2}, {0x21D4, 0x21D4},
	{0x2208, 0x2208}, {0x2211, 0x2211}, {0x221A, 0x221A},
	{0x221D, 0x2220}, {0x2225, 0x2225}, {0x2227, 0x222B},
	{0x2234, 0x2235}, {0x2248, 0x2248}, {0x2260, 0x2261},
	{0x2264, 0x2265}, {0x2299, 0x2299},
	{0x2460, 0x24E9},       /* ① … ⑳, ⑴, ⒈, ⓐ */
	{0x2500, 0x257F},       /* box drawing */
	{0x2580, 0x258F}, {0x2592, 0x2595},     /* blocks */
	{0x25A0, 0x25A1}, {0x25B2, 0x25B3}, {0x25B6, 0x25B7},
	{0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C7},
	{0x25CB, 0x25CB}, {0x25CE, 0x25CF},     /* ○ ◎ ● */
	{0x2605, 0x2606}, {0x2640, 0x2640}, {0x2642, 0x2642},
	{0x2776, 0x277F},       /* ❶ … ❿ */
};

static int in_table(uint32_t c, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (n == 0 || c < t[0].lo || c > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c > t[mid].hi)
			lo = mid + 1;
		else if (c < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

#define IN(c, tab) in_table((c), (tab), YS_ARRAY_LEN(tab))

/* ---- ambiguous width ------------------------------------------------- */

static int ambiwidth;           /* 0 = not decided yet */

void text_set_ambiguous_width(int w)
{
	ambiwidth = (w == 1) ? 1 : 2;
}

int text_ambiguous_width(void)
{
	if (!ambiwidth) {
		const char *e = getenv("YISHITING_AMBIWIDTH");
		ambiwidth = (e && strcmp(e, "2") == 0) ? 2 : 1;
	}
	return ambiwidth;
}

/* ---- classification -------------------------------------------------- */

static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029;
}

static int is_format(uint32_t c)
{
	return IN(c, format_tab);
}

int text_is_bidi_control(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;

	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x200E || c == 0x200F || c == 0x061C;
}

size_t text_bidi_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	/* all of them are two (U+061C) or three bytes long */
	if (u[0] == 0xD8 && u[1] == 0x9C)
		return 2;
	if (u[0] != 0xE2 || (u[1] != 0x80 && u[1] != 0x81) || !u[2])
		return 0;
	wchar_t wc;
	size_t k = text_decode(s, 3, &wc);
	return k == 3 && text_is_bidi_control(wc) ? 3 : 0;
}

int text_wcwidth(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;

	if (wc < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 1;               /* shown as U+FFFD */
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 2;               /* the common ideographs: most of a record */
	if (is_control(c))
		return 1;               /* shown as a space */
	if (IN(c, zero_tab) || is_format(c))
		return 0;
	if (IN(c, wide_tab))
		return 2;
	if (IN(c, ambig_tab))
		return text_ambiguous_width();
	return 1;
}

/* ---- UTF-8 ----------------------------------------------------------- */

/* Strict decoder.  On an invalid sequence (stray continuation byte,
 * overlong form, surrogate, beyond U+10FFFF, truncated) consumes exactly
 * one byte and reports *ok = 0: every invalid byte becomes one U+FFFD. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp, int *ok)
{
	static const uint32_t min_cp[4] = {0, 0x80, 0x800, 0x10000};
	unsigned b = s[0];
	size_t need, i;
	uint32_t c;

	*ok = 1;
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b < 0xE0)
		need = 1, c = b & 0x1F;
	else if (b >= 0xE0 && b < 0xF0)
		need = 2, c = b & 0x0F;
	else if (b >= 0xF0 && b < 0xF5)
		need = 3, c = b & 0x07;
	else
		goto bad;
	if (n < need + 1)
		goto bad;
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min_cp[need] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return need + 1;
bad:
	*ok = 0;
	*cp = TEXT_REPLACEMENT;
	return 1;
}

size_t text_decode(const char *s, size_t n, wchar_t *out)
{
	uint32_t c;
	int ok;
	size_t k;

	if (n == 0)
		return 0;
	k = decode((const unsigned char *)s, n, &c, &ok);
	*out = (wchar_t)c;
	return k;
}

size_t text_encode(wchar_t wc, char *out)
{
	uint32_t c = (uint32_t)wc;
	unsigned char *o = (unsigned char *)out;

	if (wc < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = TEXT_REPLACEMENT;
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

int text_valid_utf8(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;
	int ok;

	while (i < n) {
		i += decode((const unsigned char *)s + i, n - i, &c, &ok);
		if (!ok)
			return 0;
	}
	return 1;
}

char *text_valid_dup(const char *s)
{
	struct strbuf sb = {0};
	size_t n, i = 0;

	s = s ? s : "";
	n = strlen(s);
	sb_add(&sb, "");
	while (i < n) {
		uint32_t c;
		int ok;
		size_t k = decode((const unsigned char *)s + i, n - i, &c, &ok);

		if (ok)
			sb_addn(&sb, s + i, k);
		else
			sb_add(&sb, "\xef\xbf\xbd");      /* U+FFFD */
		i += k;
	}
	return sb_steal(&sb);
}

size_t text_chars(const char *s)
{
	size_t n = strlen(s), i = 0, count = 0;
	wchar_t c;

	while (i < n) {
		i += text_decode(s + i, n - i, &c);
		count++;
	}
	return count;
}

/* ---- the displayed form of a character -------------------------------- */

/* What the screen shows for the character at s: ch is the code point to
 * write (0 = nothing: an invisible format character), w its width, n the
 * source bytes it came from. */
struct dch {
	uint32_t ch;
	int      w;
	size_t   n;
};

static void next_disp(const char *s, size_t n, struct dch *d)
{
	uint32_t c;
	int ok;

	d->n = decode((const unsigned char *)s, n, &c, &ok);
	if (!ok) {
		d->ch = TEXT_REPLACEMENT;
		d->w = 1;
	} else if (is_control(c)) {
		d->ch = ' ';
		d->w = 1;
	} else if (is_format(c)) {
		d->ch = 0;
		d->w = 0;
	} else {
		d->ch = c;
		d->w = text_wcwidth((wchar_t)c);
	}
}

/* A zero-width mark with nothing before it to sit on would land on
 * whatever the screen has there: such marks (and format characters) are
 * not shown. */
static int shown(const struct dch *d, int have_base)
{
	return d->ch != 0 && (d->w > 0 || have_base);
}

int text_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	struct dch d;

	while (i < n) {
		next_disp(s + i, n - i, &d);
		w += d.w;
		i += d.n;
	}
	return w;
}

size_t text_col_to_byte(const char *s, int col)
{
	size_t n = strlen(s), i = 0;
	int used = 0;
	struct dch d;

	while (i < n) {
		next_disp(s + i, n - i, &d);
		if (used + d.w > col)
			break;
		used += d.w;
		i += d.n;
	}
	return i;
}

/* ---- text_fit -------------------------------------------------------- */

static void add_spaces(struct strbuf *sb, int n)
{
	static const char sp[] = "                ";

	while (n > 0) {
		int k = n < 16 ? n : 16;
		sb_addn(sb, sp, (size_t)k);
		n -= k;
	}
}

/* append the displayed form of s[0..end) */
static void add_shown(struct strbuf *sb, const char *s, size_t end)
{
	size_t i = 0;
	int base = 0;
	struct dch d;
	char u[4];

	while (i < end) {
		next_disp(s + i, end - i, &d);
		if (shown(&d, base)) {
			sb_addn(sb, u, text_encode((wchar_t)d.ch, u));
			base = 1;
		}
		i += d.n;
	}
}

/* How much of s fits: walks only as far as cols.  *cut is the byte where
 * the shown part ends and *cutw its width; returns 1 if s was truncated.
 * ew columns are kept free for an ellipsis in case of truncation. */
static int measure(const char *s, size_t n, int cols, int ew,
                   size_t *cut, int *cutw)
{
	size_t i = 0;
	int used = 0, base = 0, cut_set = 0;
	struct dch d;

	*cut = 0;
	*cutw = 0;
	while (i < n) {
		next_disp(s + i, n - i, &d);
		if (shown(&d, base)) {
			if (!cut_set && used + d.w > cols - ew) {
				cut_set = 1;
				*cut = i;
				*cutw = used;
			}
			if (used + d.w > cols)
				return 1;
			used += d.w;
			base = 1;
		}
		i += d.n;
	}
	*cut = n;
	*cutw = used;
	return 0;
}

static void fit(struct strbuf *sb, const char *s, int cols, int flags)
{
	size_t n, cut;
	int ew = 0, width, pad, left, truncated;
	const char *ell = NULL;

	if (!s)
		s = "";
	if (cols < 0)
		cols = 0;
	n = strlen(s);
	if ((flags & TEXT_ELLIPSIS) && cols >= 1) {
		/* "…" is itself Ambiguous: it takes the columns the ambiguous
		 * setting says, and "." stands in when there is no room. */
		ew = text_ambiguous_width();
		ell = "\xE2\x80\xA6";
		if (ew > cols) {
			ew = 1;
			ell = ".";
		}
	}
	truncated = measure(s, n, cols, ew, &cut, &width);
	if (!truncated)
		ell = NULL;
	else if (ell)
		width += ew;
	/* what is left over -- including the column of a wide character that
	 * would have straddled the edge -- is padding */
	pad = (flags & TEXT_NOPAD) ? 0 : cols - width;
	left = (flags & TEXT_RIGHT) ? pad : (flags & TEXT_CENTER) ? pad / 2 : 0;
	add_spaces(sb, left);
	add_shown(sb, s, cut);
	if (ell)
		sb_add(sb, ell);
	add_spaces(sb, pad - left);
	if (!sb->s)
		sb_add(sb, "");
}

char *text_fit(const char *s, int cols, int flags)
{
	struct strbuf sb = {0};

	fit(&sb, s, cols, flags);
	return sb_steal(&sb);
}

int text_fit_buf(const char *s, int cols, int flags, char *buf, size_t len)
{
	struct strbuf sb = {0};
	int r = -1;

	fit(&sb, s, cols, flags);
	if (sb.len < len) {
		memcpy(buf, sb.s, sb.len + 1);
		r = (int)sb.len;
	} else if (len > 0) {
		buf[0] = '\0';
	}
	sb_free(&sb);
	return r;
}

/* ---- text_wrap ------------------------------------------------------- */

/* 禁则: characters that may not start a line ... */
static const uint32_t no_start[] = {
	'!', '%', ')', ',', '.', ':', ';', '?', ']', '}',
	0x2019, 0x201D, 0x2026,                         /* ’ ” … */
	0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, /* 、。〉》」』 */
	0x3011, 0x3015, 0x3017,                         /* 】〕〗 */
	0xFF01, 0xFF05, 0xFF09, 0xFF0C, 0xFF0E,         /* ！％），． */
	0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,         /* ：；？］｝ */
};
/* ... and characters that may not end one. */
static const uint32_t no_end[] = {
	'(', '[', '{',
	0x2018, 0x201C,                                 /* ‘ “ */
	0x3008, 0x300A, 0x300C, 0x300E, 0x3010,         /* 〈《「『【 */
	0x3014, 0x3016,                                 /* 〔〖 */
	0xFF08, 0xFF3B, 0xFF5B,                         /* （［｛ */
};

static int in_list(uint32_t c, const uint32_t *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i] == c)
			return 1;
	return 0;
}

/* letters, digits and punctuation of alphabetic scripts: runs of them are
 * words and are kept together */
static int is_word(uint32_t c)
{
	return c > ' ' && c < 0x2000;
}

/* may a line break between a and b (b not a space)? */
static int can_break(uint32_t a, uint32_t b)
{
	if (in_list(b, no_start, YS_ARRAY_LEN(no_start)))
		return 0;
	if (a == ' ')
		return 1;
	if (in_list(a, no_end, YS_ARRAY_LEN(no_end)))
		return 0;
	if (is_word(a) && is_word(b))
		return 0;
	if (a == b && a == 0x2014)      /* —— is one dash */
		return 0;
	return 1;
}

static int width_of(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;
	wchar_t c;

	while (i < n) {
		i += text_decode(s + i, n - i, &c);
		w += text_wcwidth(c);
	}
	return w;
}

/* the start of the last character of s[start..end) */
static size_t last_char(const char *s, size_t start, size_t end)
{
	size_t i = end - 1;

	while (i > start && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* emit s[start..end) without trailing spaces.  Spaces may run past the
 * line's end (they never start a line); zero-width marks after them (a
 * mark on a space) would carry them into the line: those go too, so that
 * no line is wider than cols. */
static void emit(const char *s, size_t start, size_t end, int cols, text_line_cb cb,
                 void *arg)
{
	for (;;) {
		while (end > start && s[end - 1] == ' ')
			end--;
		if (end <= start || width_of(s + start, end - start) <= cols)
			break;
		size_t j = last_char(s, start, end);
		wchar_t c = 0;
		text_decode(s + j, end - j, &c);
		if (c != ' ' && text_wcwidth(c) != 0)
			break;
		end = j;
	}
	if (cb)
		cb(s + start, end - start, arg);
}

/* Greedy wrap of one paragraph (sanitised: valid UTF-8, no controls).
 * Break opportunities sit before non-space characters; spaces at a break
 * are dropped.  When the character that overflows may not start a line,
 * the line ends at the last earlier opportunity instead (so the character
 * before it moves down too); with none, the break is forced. */
static int wrap_para(const char *s, size_t n, int cols, text_line_cb cb,
                     void *arg)
{
	size_t start = 0, i = 0, bp = 0;
	int width = 0, lines = 0, have_bp = 0;
	uint32_t prev = 0;

	while (i < n) {
		wchar_t wc;
		size_t k = text_decode(s + i, n - i, &wc);
		uint32_t c = (uint32_t)wc;
		int w = text_wcwidth(wc);

		if (w > 0 && c != ' ' && i > start) {
			int can = can_break(prev, c);
			while (i > start && width + w > cols) {
				size_t at = (!can && have_bp) ? bp : i;
				emit(s, start, at, cols, cb, arg);
				lines++;
				start = at;
				width = width_of(s + at, i - at);
				have_bp = 0;
			}
			if (can && i > start) {
				bp = i;
				have_bp = 1;
			}
		}
		width += w;
		if (w > 0)
			prev = c;
		i += k;
	}
	emit(s, start, n, cols, cb, arg);
	return lines + 1;
}

/* the text as text_fit shows it, except that "\r\n", "\r" and "\n" are
 * kept as "\n" */
static void sanitize_keep_newlines(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s), i = 0;
	struct dch d;
	char u[4];

	while (i < n) {
		if (s[i] == '\r' || s[i] == '\n') {
			i += (s[i] == '\r' && s[i + 1] == '\n') ? 2 : 1;
			sb_add(sb, "\n");
			continue;
		}
		next_disp(s + i, n - i, &d);
		if (d.ch)
			sb_addn(sb, u, text_encode((wchar_t)d.ch, u));
		i += d.n;
	}
}

int text_wrap(const char *s, int cols, text_line_cb cb, void *arg)
{
	struct strbuf sb = {0};
	size_t p = 0;
	int lines = 0;

	if (cols < 1)
		cols = 1;
	sanitize_keep_newlines(&sb, s ? s : "");
	sb_add(&sb, "");
	for (;;) {
		char *nl = strchr(sb.s + p, '\n');
		size_t q = nl ? (size_t)(nl - sb.s) : sb.len;
		lines += wrap_para(sb.s + p, q - p, cols, cb, arg);
		if (!nl)
			break;
		p = q + 1;
	}
	sb_free(&sb);
	return lines;
}

void text_around(const char *s, const char *word, int before, char *out, size_t len)
{
	const char *at = word && *word ? strstr(s, word) : NULL, *start;
	struct strbuf sb = {0};
	int back = 0;

	start = at ? at : s;
	while (start > s && back < before) {
		start--;
		if (((unsigned char)*start & 0xC0) != 0x80)
			back++;
	}
	sb_add(&sb, start > s ? "…" : "");
	for (const char *p = start; *p && sb.len < len; p++)
		sb_addn(&sb, *p == '\n' || *p == '\t' || *p == '\r' ? " " : p, 1);
	ys_strlcpy(out, sb.s, len);
	sb_free(&sb);
}
