/* edbuf.h: the text being edited in a field, without any terminal code.
 *
 * Holds wide characters, the cursor as a character index, and lays the text
 * out in display columns (CJK = 2) so that the screen can draw it.  A single
 * line buffer refuses newlines (a pasted block has its newlines turned into
 * spaces); a multi-line buffer keeps them and wraps for display. */
#ifndef YS_EDBUF_H
#define YS_EDBUF_H

#include <stddef.h>
#include <wchar.h>

struct edbuf {
	wchar_t *w;          /* characters, not NUL-terminated */
	size_t   len;        /* characters in w */
	size_t   cap;
	size_t   cur;        /* cursor: 0..len */
	int      multiline;
	size_t   maxchars;   /* 0 = unlimited; inserts beyond are refused */
	int      scroll;     /* first visible column (single) or row (multi) */
};

void edbuf_init(struct edbuf *e, int multiline, size_t maxchars);
void edbuf_free(struct edbuf *e);
void edbuf_clear(struct edbuf *e);
/* replace contents with UTF-8 text (invalid bytes -> U+FFFD, as a paste);
 * cursor at end, scroll 0.  Stored text is loaded whole even if it is
 * longer than maxchars: nothing already saved is cut off. */
void edbuf_set(struct edbuf *e, const char *utf8);
/* contents as newly allocated UTF-8; caller frees */
char *edbuf_get(const struct edbuf *e);

/* insert one character at the cursor.  Control characters other than '\n'
 * (multi-line only) and '\t' (inserted as a space) are ignored, as is '\n'
 * in a single-line buffer (Enter is the field owner's business); invalid
 * code points become U+FFFD.  Returns 0, or -1 if refused (maxchars
 * reached). */
int edbuf_insert(struct edbuf *e, wchar_t c);
/* insert a whole UTF-8 block (a paste) of n bytes at the cursor in one
 * move; "\r\n", "\r" and "\n" are newlines, which a single-line buffer
 * turns into one space each; other characters as edbuf_insert.  A paste
 * is taken whole or not at all: when it does not fit under maxchars,
 * nothing is inserted and the number of characters too many is returned
 * (0 = inserted). */
size_t edbuf_insert_utf8(struct edbuf *e, const char *utf8, size_t n);

void edbuf_backspace(struct edbuf *e);
void edbuf_delete(struct edbuf *e);
void edbuf_left(struct edbuf *e);
void edbuf_right(struct edbuf *e);
void edbuf_home(struct edbuf *e);        /* start of the (logical) line */
void edbuf_end(struct edbuf *e);         /* end of the (logical) line */
void edbuf_kill_to_end(struct edbuf *e); /* ^K; at a line's end joins the next */
void edbuf_kill_to_start(struct edbuf *e);/* ^U */
/* a word is a run of one class: letters/digits, punctuation (ASCII and
 * CJK), or ideographs (so a Chinese phrase up to its punctuation is one
 * word); spaces and newlines separate.  Right moves to the next word's
 * start, left to the current or previous word's start. */
void edbuf_word_left(struct edbuf *e);
void edbuf_word_right(struct edbuf *e);

/* Multi-line layout for a given width: visual rows after wrapping at
 * `cols` columns (cols < 1 counts as 1; a wide character never straddles)
 * and at newlines.  The end of a line (before its '\n', or the end of the
 * text) needs a cell for the cursor: if the row is already full there, an
 * empty row follows.  So "中文" at 4 columns is rows {0,2} {2,0}, and the
 * cursor is never in column `cols`.  After a trailing newline there is an
 * empty row too.  A character wider than cols gets a row of its own. */
struct edrow {
	size_t start;        /* first character index of the row */
	size_t len;          /* characters in the row (excluding '\n') */
};
/* rows into *out (allocated, caller frees); returns the number of rows (>=1) */
size_t edbuf_layout(const struct edbuf *e, int cols, struct edrow **out);
/* cursor's visual row and column under that layout; the position where a
 * row wraps belongs to the next row (column 0) */
void edbuf_cursor_pos(const struct edbuf *e, int cols, int *row, int *col);
/* move the cursor one visual row up/down keeping the column if possible */
void edbuf_up(struct edbuf *e, int cols);
void edbuf_down(struct edbuf *e, int cols);

/* Single-line view: adjust e->scroll so the cursor -- and the whole
 * character under it -- is visible in a field of `cols` columns, scrolling
 * back when text hidden on the left would fit; render the visible part into
 * buf as UTF-8 padded to exactly cols columns (through text_fit; a wide
 * character cut by either edge shows as blanks); *cursor_col gets the
 * cursor column in the field.  len >= cols*4+1 is enough unless the text
 * has combining marks; if buf is too small it gets cols blanks. */
void edbuf_render_line(struct edbuf *e, int cols, char *buf, size_t len,
                       int *cursor_col);

/* width in columns of characters [from, to); '\n' counts 0 */
int edbuf_width(const struct edbuf *e, size_t from, size_t to);

#endif
