/* text.h: Chinese text for a terminal.
 *
 * Every string that reaches the screen goes through text_fit(): it decodes
 * UTF-8, replaces invalid bytes with U+FFFD and control characters with a
 * visible substitute, and pads or truncates to an exact number of display
 * columns without ever splitting a character.
 *
 * Widths: wcwidth() from the C library, with an explicit decision for East
 * Asian Ambiguous characters (“”…—·○① etc.): by default they count as 2
 * columns, as in most Chinese terminals; text_set_ambiguous_width(1) changes
 * that (the environment variable YISHITING_AMBIWIDTH=1 does it at start-up).
 * Characters whose wcwidth is -1 (non-printable) are replaced. */
#ifndef YS_TEXT_H
#define YS_TEXT_H

#include <stddef.h>
#include <wchar.h>

#define TEXT_REPLACEMENT 0xFFFD      /* for invalid UTF-8 */

void text_set_ambiguous_width(int w);        /* 1 or 2 */
int  text_ambiguous_width(void);

/* display width of one code point: 0, 1 or 2 (control characters count as
 * the width of their substitute, see text_fit) */
int text_wcwidth(wchar_t c);

/* Decode one UTF-8 character at s (at most n bytes).  Stores the code point
 * in *out (U+FFFD on an invalid or truncated sequence) and returns the
 * number of bytes consumed (>= 1 when n >= 1, 0 when n == 0). */
size_t text_decode(const char *s, size_t n, wchar_t *out);
/* encode c as UTF-8 into out (>= 4 bytes); returns bytes written */
size_t text_encode(wchar_t c, char *out);

/* display width of a UTF-8 string as text_fit would show it */
int text_width(const char *s);
/* number of characters (code points, invalid bytes count one each) */
size_t text_chars(const char *s);
/* 1 if s is entirely valid UTF-8 */
int text_valid_utf8(const char *s);

/* Make s displayable in exactly `cols` columns (cols >= 0):
 *  - invalid bytes become U+FFFD (width 1),
 *  - control characters (C0 incl. tab and newline, DEL, C1) become a
 *    space each,
 *  - if the text is wider than cols it is cut at a character boundary and,
 *    when TEXT_ELLIPSIS is set and cols >= 1, ends with "…" (1 column
 *    regardless of the ambiguous setting: we write "…" only when it is
 *    1 column wide, otherwise ".");
 *  - the result is padded with spaces to exactly cols columns unless
 *    TEXT_NOPAD is set; a wide character that would straddle the edge is
 *    replaced by a space.
 * Returns a newly allocated UTF-8 string; caller frees. */
#define TEXT_ELLIPSIS 0x1
#define TEXT_NOPAD    0x2
#define TEXT_RIGHT    0x4      /* pad on the left (right-align) */
#define TEXT_CENTER   0x8
char *text_fit(const char *s, int cols, int flags);

/* Same but into a caller buffer (size >= cols*4+4 is always enough after
 * sanitising; returns -1 if buf too small, else bytes written). */
int text_fit_buf(const char *s, int cols, int flags, char *buf, size_t len);

/* Wrap text into lines of at most `cols` columns, honouring newlines and
 * Chinese line-breaking rules: a line never starts with closing punctuation
 * (。，、；：？！）」』】》〉”’… and ASCII ,.;:?!)]} ), never ends with opening
 * punctuation (（「『【《〈“‘ ([{ ); ASCII words are not broken unless longer
 * than a line.  Calls cb(line, nbytes, arg) for each line (line not
 * NUL-terminated, sanitized source bytes).  Returns the number of lines. */
typedef void (*text_line_cb)(const char *line, size_t nbytes, void *arg);
int text_wrap(const char *s, int cols, text_line_cb cb, void *arg);

/* byte offset of the character boundary at or before `col` columns */
size_t text_col_to_byte(const char *s, int col);

#endif
