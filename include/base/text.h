/* text.h: Chinese text for a terminal.
 *
 * Every string that reaches the screen goes through text_fit(): it decodes
 * UTF-8, replaces invalid bytes with U+FFFD and control characters with a
 * space, and pads or truncates to an exact number of display columns
 * without ever splitting a character.
 *
 * Widths come from compact tables in text.c, NOT from the C library's
 * wcwidth() (which depends on the process locale): CJK ideographs, kana,
 * Hangul, fullwidth forms, CJK punctuation and common emoji are 2 columns,
 * combining marks 0, the rest 1.  East Asian Ambiguous characters that
 * occur in Chinese text (“”‘’…—–·○●①-⑳※§°±×÷→■□▲△◆◇★☆Ⅰ-Ⅻ√∞≤≥≠, Greek,
 * Cyrillic, box drawing U+2500-257F, ...) count text_ambiguous_width()
 * columns: 1 by default, which is what glibc's wcwidth() and so ncurses
 * assume, and what tmux, xterm, GNOME Terminal and most terminals draw; 2
 * if the environment variable YISHITING_AMBIWIDTH=2 is set when the width
 * is first needed, or after text_set_ambiguous_width(2), for terminals
 * set to draw them wide.  The screens keep such characters out of
 * aligned columns either way.  Accented Latin
 * letters and ▸ (U+25B8) are 1.
 *
 * Invalid UTF-8 (stray continuation bytes, overlong forms, surrogates,
 * code points above U+10FFFF, truncated sequences) becomes one U+FFFD per
 * invalid byte, counted 1 column.  Invisible format characters (U+200B-200F,
 * bidi controls, U+2060-2064, variation selectors, BOM) are dropped from
 * displayed text, as is a combining mark with no character before it. */
#ifndef YS_TEXT_H
#define YS_TEXT_H

#include <stddef.h>
#include <wchar.h>

#define TEXT_REPLACEMENT 0xFFFD      /* for invalid UTF-8 */

void text_set_ambiguous_width(int w);        /* 1 or 2 */
int  text_ambiguous_width(void);

/* display width of one code point: 0, 1 or 2 (control characters and
 * invalid code points count the width of their substitute: 1) */
int text_wcwidth(wchar_t c);
/* U+202A–202E, U+2066–2069, U+200E/200F, U+061C: the invisible controls
 * that reorder text (a name or sum could print backwards); dropped from
 * what is typed and from every paper and export */
int text_is_bidi_control(wchar_t c);
/* the length in bytes of the bidirectional control at s, or 0 */
size_t text_bidi_len(const char *s);

/* Decode one UTF-8 character at s (at most n bytes).  Stores the code point
 * in *out (U+FFFD on an invalid or truncated sequence) and returns the
 * number of bytes consumed (>= 1 when n >= 1, 0 when n == 0); an invalid
 * sequence consumes exactly one byte. */
size_t text_decode(const char *s, size_t n, wchar_t *out);
/* encode c as UTF-8 into out (>= 4 bytes); returns bytes written */
size_t text_encode(wchar_t c, char *out);

/* display width of a UTF-8 string as text_fit would show it */
int text_width(const char *s);
/* number of characters (code points, invalid bytes count one each) */
size_t text_chars(const char *s);
/* 1 if s is entirely valid UTF-8 */
int text_valid_utf8(const char *s);
/* a copy of s (NULL: "") with each invalid byte replaced by U+FFFD and
 * everything else kept as it is (newlines, tabs and controls too); free it */
char *text_valid_dup(const char *s);

/* Make s displayable in exactly `cols` columns (cols < 0 counts as 0;
 * s == NULL as ""):
 *  - invalid bytes become U+FFFD (width 1),
 *  - control characters (C0 incl. tab and newline, DEL, C1, U+2028/2029)
 *    become a space each,
 *  - if the text is wider than cols it is cut at a character boundary and,
 *    when TEXT_ELLIPSIS is set and cols >= 1, ends with "…".  "…" is itself
 *    Ambiguous: it counts text_ambiguous_width() columns; when that is more
 *    than cols, "." is used instead.  Combining marks stay with their
 *    character,
 *  - the result is padded with spaces to exactly cols columns unless
 *    TEXT_NOPAD is set; a wide character that would straddle the edge is
 *    left out and its column becomes padding (so with TEXT_NOPAD the result
 *    may be narrower than cols).  Padding goes on the right, or on the
 *    left with TEXT_RIGHT, or split (extra column on the right) with
 *    TEXT_CENTER.
 * Returns a newly allocated UTF-8 string; caller frees. */
#define TEXT_ELLIPSIS 0x1
#define TEXT_NOPAD    0x2
#define TEXT_RIGHT    0x4      /* pad on the left (right-align) */
#define TEXT_CENTER   0x8
char *text_fit(const char *s, int cols, int flags);

/* Same but into a caller buffer.  Returns the bytes written (without the
 * NUL), or -1 if buf is too small (buf is then "").  cols*4+1 bytes are
 * enough unless the text carries combining marks. */
int text_fit_buf(const char *s, int cols, int flags, char *buf, size_t len);

/* Wrap text into lines of at most `cols` columns (cols < 1 counts as 1),
 * honouring newlines and Chinese line-breaking rules (禁则):
 *  - a line never starts with closing punctuation
 *    (。，、；：？！）」』】》〉〕〗”’…％．］｝ and ASCII ,.;:?!)]}% ) and never
 *    ends with opening punctuation (（「『【《〈〔〖“‘［｛ and ASCII ([{ ):
 *    when such a character would overflow, the line ends at the previous
 *    break opportunity, so the character before it moves down too;
 *  - runs of letters, digits and ASCII punctuation (anything below U+2000
 *    but space) are words and are broken only if longer than a line;
 *  - ideographs may break anywhere else; "——" stays together;
 *  - spaces at a line break are dropped (trailing spaces of every line
 *    are); leading spaces of a paragraph are kept;
 *  - "\n", "\r\n" and "\r" force breaks; empty lines are kept; "abc\n"
 *    gives "abc" and "", and "" gives one empty line;
 *  - if no rule-abiding break exists the break is forced: no line is ever
 *    wider than cols, except a single character wider than cols, which
 *    gets a line of its own.
 * Calls cb(line, nbytes, arg) for each line (line not NUL-terminated; it
 * points into a sanitised copy: U+FFFD for invalid bytes, spaces for
 * control characters, format characters dropped).  cb may be NULL.
 * Returns the number of lines. */
typedef void (*text_line_cb)(const char *line, size_t nbytes, void *arg);
int text_wrap(const char *s, int cols, text_line_cb cb, void *arg);

/* byte offset of the character boundary at or before `col` columns
 * (zero-width characters after that point are included) */
size_t text_col_to_byte(const char *s, int col);

/* The text around the first place word is found in s, on one line (line
 * breaks and tabs become spaces): up to `before` characters ahead of it
 * (with 「…」 when s goes on before them), then the rest, into out (cut at
 * a character, never inside one).  A word not found, or "": from the
 * start. */
void text_around(const char *s, const char *word, int before, char *out, size_t len);

#endif
