/* edbuf.c: the text of a field being edited, as characters and columns.
 * No terminal code here: the screen asks for a layout and draws it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"

void edbuf_init(struct edbuf *e, int multiline, size_t maxchars)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->maxchars = maxchars;
}

void edbuf_free(struct edbuf *e)
{
	free(e->w);
	e->w = NULL;
	e->len = e->cap = e->cur = 0;
	e->scroll = 0;
}

void edbuf_clear(struct edbuf *e)
{
	e->len = e->cur = 0;
	e->scroll = 0;
}

static void reserve(struct edbuf *e, size_t more)
{
	size_t need = e->len + more;

	if (need <= e->cap)
		return;
	if (need < e->len || need > SIZE_MAX / 2 / sizeof(wchar_t))
		die("edbuf: text too long");
	if (e->cap < 32)
		e->cap = 32;
	while (e->cap < need)
		e->cap *= 2;
	e->w = xrealloc(e->w, e->cap * sizeof(wchar_t));
}

/* A character and the zero-width marks after it (a combining accent, a
 * variation selector) show as one: the cursor never stops between them,
 * and Backspace and Delete take them together.  A mark at the start of a
 * line has nothing to join and stands alone. */
static int cw(wchar_t c);

static int joins_previous(const struct edbuf *e, size_t i)
{
	return i > 0 && i < e->len && e->w[i] != '\n' && e->w[i - 1] != '\n' &&
	       cw(e->w[i]) == 0;
}

/* from i, back to the start of the character i is inside of */
static size_t cluster_start(const struct edbuf *e, size_t i)
{
	while (joins_previous(e, i))
		i--;
	return i;
}

/* from i, on past the marks that belong to the character before i */
static size_t cluster_end(const struct edbuf *e, size_t i)
{
	while (joins_previous(e, i))
		i++;
	return i;
}

/* delete characters [from, to) and keep the cursor on the same text */
static void cut(struct edbuf *e, size_t from, size_t to)
{
	if (to > e->len)
		to = e->len;
	if (from >= to)
		return;
	memmove(e->w + from, e->w + to, (e->len - to) * sizeof(wchar_t));
	e->len -= to - from;
	if (e->cur >= to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
	/* a mark that stood alone at a line's start may now join the
	 * character before it (Backspace after "a" and a newline): past it,
	 * not inside */
	e->cur = cluster_end(e, e->cur);
}

/* room left under maxchars */
static size_t room(const struct edbuf *e)
{
	if (!e->maxchars)
		return SIZE_MAX;
	return e->len < e->maxchars ? e->maxchars - e->len : 0;
}

/* What a typed or pasted character becomes in this buffer: the character
 * itself, a replacement, or 0 (ignored). */
static wchar_t accept(const struct edbuf *e, wchar_t c)
{
	uint32_t u = (uint32_t)c;

	if (c == '\n')
		return e->multiline ? '\n' : ' ';
	if (c == '\t')
		return ' ';
	if (u < 0x20 || (u >= 0x7F && u < 0xA0) || text_is_bidi_control(c))
		return 0;
	if (c < 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
		return TEXT_REPLACEMENT;
	return c;
}

/* insert n prepared characters at the cursor (the caller checked room) */
static void put(struct edbuf *e, const wchar_t *w, size_t n)
{
	if (n == 0)             /* e->w may still be NULL */
		return;
	reserve(e, n);
	memmove(e->w + e->cur + n, e->w + e->cur,
	        (e->len - e->cur) * sizeof(wchar_t));
	memcpy(e->w + e->cur, w, n * sizeof(wchar_t));
	e->len += n;
	e->cur += n;
	/* typed before a mark that stood alone, the character takes it */
	e->cur = cluster_end(e, e->cur);
}

int edbuf_insert(struct edbuf *e, wchar_t c)
{
	/* a lone '\n' typed into a single-line field is not a space: the
	 * field's owner treats Enter itself */
	if (c == '\n' && !e->multiline)
		return 0;
	c = accept(e, c);
	if (!c)
		return 0;
	if (!room(e))
		return -1;
	put(e, &c, 1);
	return 0;
}

/* decode a paste into the characters this buffer takes; returns count */
static size_t prepare(const struct edbuf *e, const char *s, size_t n,
                      wchar_t *out)
{
	size_t i = 0, k = 0;
	wchar_t c;

	while (i < n) {
		if (s[i] == '\r') {     /* "\r\n" and "\r" are newlines too */
			i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			c = '\n';
		} else {
			i += text_decode(s + i, n - i, &c);
		}
		if ((c = accept(e, c)) != 0)
			out[k++] = c;
	}
	return k;
}

size_t edbuf_insert_utf8(struct edbuf *e, const char *utf8, size_t n)
{
	wchar_t *tmp;
	size_t k, fit;

	if (!utf8 || !n)
		return 0;
	/* one character per byte at most; insert in one move so that a
	 * large paste costs one memmove, not one per character */
	tmp = xmalloc(n * sizeof(wchar_t));
	k = prepare(e, utf8, n, tmp);
	fit = room(e);
	if (k <= fit)
		put(e, tmp, k);
	free(tmp);
	return k <= fit ? 0 : k - fit;
}

void edbuf_set(struct edbuf *e, const char *utf8)
{
	size_t keep = e->maxchars;

	/* stored text is loaded whole, even if longer than maxchars now */
	edbuf_clear(e);
	e->maxchars = 0;
	edbuf_insert_utf8(e, utf8, utf8 ? strlen(utf8) : 0);
	e->maxchars = keep;
}

char *edbuf_get(const struct edbuf *e)
{
	struct strbuf sb = {0};
	char u[4];
	size_t i;

	for (i = 0; i < e->len; i++)
		sb_addn(&sb, u, text_encode(e->w[i], u));
	return sb_steal(&sb);
}

/* ---- moving and deleting --------------------------------------------- */

void edbuf_backspace(struct edbuf *e)
{
	if (e->cur > 0)
		cut(e, cluster_start(e, e->cur - 1), e->cur);
}

void edbuf_delete(struct edbuf *e)
{
	if (e->cur < e->len)
		cut(e, e->cur, cluster_end(e, e->cur + 1));
}

void edbuf_left(struct edbuf *e)
{
	if (e->cur > 0)
		e->cur = cluster_start(e, e->cur - 1);
}

void edbuf_right(struct edbuf *e)
{
	if (e->cur < e->len)
		e->cur = cluster_end(e, e->cur + 1);
}

static size_t line_start(const struct edbuf *e, size_t i)
{
	while (i > 0 && e->w[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct edbuf *e, size_t i)
{
	while (i < e->len && e->w[i] != '\n')
		i++;
	return i;
}

void edbuf_home(struct edbuf *e)
{
	e->cur = line_start(e, e->cur);
}

void edbuf_end(struct edbuf *e)
{
	e->cur = line_end(e, e->cur);
}

/* ^K at the end of a line joins the next one, as in Emacs */
void edbuf_kill_to_end(struct edbuf *e)
{
	size_t end = line_end(e, e->cur);

	cut(e, e->cur, end > e->cur ? end : end + 1);
}

void edbuf_kill_to_start(struct edbuf *e)
{
	cut(e, line_start(e, e->cur), e->cur);
}

/* Word classes: a word is a run of one class.  Chinese has no spaces, so
 * a run of ideographs up to the next punctuation counts as one word. */
enum { CL_SPACE, CL_PUNCT, CL_CJK, CL_WORD };

static int char_class(wchar_t c)
{
	uint32_t u = (uint32_t)c;

	if (c == ' ' || c == '\n' || u == 0x3000)
		return CL_SPACE;
	if ((u < 0x80 && !((u | 0x20) >= 'a' && (u | 0x20) <= 'z') &&
	     !(u >= '0' && u <= '9') && u != '_') ||
	    (u >= 0x2010 && u <= 0x205E) || (u >= 0x3001 && u <= 0x303F) ||
	    (u >= 0xFF01 && u <= 0xFF0F) || (u >= 0xFF1A && u <= 0xFF20) ||
	    (u >= 0xFF3B && u <= 0xFF40) || (u >= 0xFF5B && u <= 0xFF65))
		return CL_PUNCT;
	if (text_wcwidth(c) == 2 && u >= 0x1100)
		return CL_CJK;
	return CL_WORD;
}

/* a mark counts as the character it belongs to */
static int class_at(const struct edbuf *e, size_t i)
{
	return char_class(e->w[cluster_start(e, i)]);
}

void edbuf_word_left(struct edbuf *e)
{
	size_t i = e->cur;
	int cl;

	while (i > 0 && class_at(e, i - 1) == CL_SPACE)
		i--;
	if (i > 0) {
		cl = class_at(e, i - 1);
		while (i > 0 && class_at(e, i - 1) == cl)
			i--;
	}
	e->cur = i;
}

void edbuf_word_right(struct edbuf *e)
{
	size_t i = e->cur;
	int cl;

	if (i < e->len && (cl = class_at(e, i)) != CL_SPACE)
		while (i < e->len && class_at(e, i) == cl)
			i++;
	while (i < e->len && class_at(e, i) == CL_SPACE)
		i++;
	e->cur = i;
}

/* ---- columns and layout ---------------------------------------------- */

static int cw(wchar_t c)
{
	return c == '\n' ? 0 : text_wcwidth(c);
}

int edbuf_width(const struct edbuf *e, size_t from, size_t to)
{
	int w = 0;

	if (to > e->len)
		to = e->len;
	for (; from < to; from++)
		w += cw(e->w[from]);
	return w;
}

static void add_row(struct edrow **rows, size_t *n, size_t *cap,
                    size_t start, size_t len)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*rows = xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[*n].start = start;
	(*rows)[*n].len = len;
	(*n)++;
}

/* Rows break before a character that would pass `cols`, and at newlines.
 * The end of a line (before its '\n', or the end of the text) is a place
 * for the cursor and needs a cell too: when the row is already full there,
 * an empty row follows, so that the cursor never sits in column `cols`. */
size_t edbuf_layout(const struct edbuf *e, int cols, struct edrow **out)
{
	struct edrow *rows = NULL;
	size_t n = 0, cap = 0, start = 0, i;
	int col = 0;

	if (cols < 1)
		cols = 1;
	for (i = 0; i <= e->len; i++) {
		int eol = (i == e->len || e->w[i] == '\n');
		int w = eol ? 1 : cw(e->w[i]);

		if (w > 0 && col + w > cols && i > start) {
			add_row(&rows, &n, &cap, start, i - start);
			start = i;
			col = 0;
		}
		if (i == e->len)
			break;
		if (e->w[i] == '\n') {
			add_row(&rows, &n, &cap, start, i - start);
			start = i + 1;
			col = 0;
			continue;
		}
		col += w;
	}
	add_row(&rows, &n, &cap, start, e->len - start);
	*out = rows;
	return n;
}

/* the row holding character index i: the last row starting at or before */
static size_t row_of(const struct edrow *rows, size_t n, size_t i)
{
	size_t r = 0;

	while (r + 1 < n && rows[r + 1].start <= i)
		r++;
	return r;
}

void edbuf_cursor_pos(const struct edbuf *e, int cols, int *row, int *col)
{
	struct edrow *rows;
	size_t n = edbuf_layout(e, cols, &rows);
	size_t r = row_of(rows, n, e->cur);

	*row = (int)r;
	*col = edbuf_width(e, rows[r].start, e->cur);
	free(rows);
}

/* the index in row r closest to column `col` without passing it; the end
 * of a row that continues on the next one belongs to that next row */
static size_t index_at_col(const struct edbuf *e, const struct edrow *rows,
                           size_t n, size_t r, int col)
{
	size_t i = rows[r].start, end = rows[r].start + rows[r].len;
	int x = 0;

	if (r + 1 < n && rows[r + 1].start == end && end > rows[r].start)
		end--;
	/* zero-width marks pass the test too: the cursor never lands between
	 * a character and its combining marks */
	while (i < end && x + cw(e->w[i]) <= col) {
		x += cw(e->w[i]);
		i++;
	}
	return i;
}

static void move_rows(struct edbuf *e, int cols, int delta)
{
	struct edrow *rows;
	size_t n = edbuf_layout(e, cols, &rows);
	size_t r = row_of(rows, n, e->cur);
	int col = edbuf_width(e, rows[r].start, e->cur);

	if (delta < 0 && r > 0)
		e->cur = index_at_col(e, rows, n, r - 1, col);
	else if (delta > 0 && r + 1 < n)
		e->cur = index_at_col(e, rows, n, r + 1, col);
	free(rows);
}

void edbuf_up(struct edbuf *e, int cols)
{
	move_rows(e, cols, -1);
}

void edbuf_down(struct edbuf *e, int cols)
{
	move_rows(e, cols, +1);
}

/* ---- single-line view ------------------------------------------------ */

/* Keep the cursor's cell -- the whole character under it -- inside the
 * field, and do not leave columns empty at the right while text is hidden
 * on the left. */
static void adjust_scroll(struct edbuf *e, int cols, int cc, int total)
{
	int wcur = e->cur < e->len ? cw(e->w[e->cur]) : 1;
	int maxscroll = total + 1 - cols;

	if (wcur < 1)
		wcur = 1;
	if (e->scroll > maxscroll)
		e->scroll = maxscroll;
	if (cc + wcur > e->scroll + cols)
		e->scroll = cc + wcur - cols;
	if (cc < e->scroll)
		e->scroll = cc;
	if (e->scroll < 0)
		e->scroll = 0;
}

/* The visible columns [scroll, scroll+cols) as text; a wide character cut
 * by either edge is shown as blanks.  The result then goes through
 * text_fit like all screen text (format characters dropped, padding). */
static void visible_part(const struct edbuf *e, int cols, struct strbuf *sb)
{
	size_t i;
	int x = 0, base = 0;
	char u[4];

	for (i = 0; i < e->len; i++) {
		wchar_t c = e->w[i] == '\n' ? ' ' : e->w[i];
		int w = text_wcwidth(c);
		int lo = x - e->scroll, hi = lo + w;

		if (w > 0 && lo >= cols)
			break;
		x += w;
		if (w == 0) {           /* a mark goes with its character */
			if (base)
				sb_addn(sb, u, text_encode(c, u));
			continue;
		}
		base = (lo >= 0 && hi <= cols);
		if (base)
			sb_addn(sb, u, text_encode(c, u));
		else if (hi > 0)
			for (w = lo < 0 ? hi : cols - lo; w > 0; w--)
				sb_add(sb, " ");
	}
}

void edbuf_render_line(struct edbuf *e, int cols, char *buf, size_t len,
                       int *cursor_col)
{
	struct strbuf sb = {0};
	int cc;

	if (cols < 0)
		cols = 0;
	cc = edbuf_width(e, 0, e->cur);
	adjust_scroll(e, cols, cc, edbuf_width(e, 0, e->len));
	visible_part(e, cols, &sb);
	if (text_fit_buf(sb.s ? sb.s : "", cols, 0, buf, len) < 0 && len > 0) {
		/* buf too small for the characters: blanks keep the width */
		size_t k = (size_t)cols < len ? (size_t)cols : len - 1;
		memset(buf, ' ', k);
		buf[k] = '\0';
	}
	sb_free(&sb);
	if (cursor_col)
		*cursor_col = cc - e->scroll;
}
