/* test_edbuf.c: the field editor's text, cursor, layout and single-line view */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "base/edbuf.h"
#include "base/text.h"
#include "base/embed.h"

/* stand-ins so this test links on its own (embed.o wins when linked) */
__attribute__((weak)) const struct embedded_file embedded_files[1] = {{0}};
__attribute__((weak)) const size_t embedded_count = 0;

/* contents equal to want (compared and freed) */
static int text_is(const struct edbuf *e, const char *want)
{
	char *got = edbuf_get(e);
	int ok = strcmp(got, want) == 0;

	if (!ok)
		printf("  edbuf holds \"%s\", expected \"%s\"\n", got, want);
	free(got);
	return ok;
}

static void paste(struct edbuf *e, const char *s)
{
	edbuf_insert_utf8(e, s, strlen(s));
}

static void t_insert_cjk(void)
{
	struct edbuf e;

	edbuf_init(&e, 0, 0);
	paste(&e, "中文ab");
	CHECK(text_is(&e, "中文ab"));
	CHECK_INT(e.len, 4);
	CHECK_INT(e.cur, 4);
	CHECK_INT(edbuf_width(&e, 0, e.len), 6);
	CHECK_INT(edbuf_width(&e, 1, 3), 3);
	edbuf_left(&e);
	edbuf_left(&e);
	edbuf_left(&e);                             /* between 中 and 文 */
	CHECK_INT(e.cur, 1);
	CHECK_INT(edbuf_insert(&e, 0x8BAE), 0);     /* 议 */
	CHECK(text_is(&e, "中议文ab"));
	CHECK_INT(e.cur, 2);
	edbuf_right(&e);
	CHECK_INT(e.cur, 3);
	edbuf_insert(&e, L'\t');                    /* tab: a space */
	edbuf_insert(&e, 0x01);                     /* other controls: ignored */
	edbuf_insert(&e, 0x9B);
	edbuf_insert(&e, L'\n');                    /* single line: ignored */
	CHECK(text_is(&e, "中议文 ab"));
	edbuf_insert(&e, 0xD800);                   /* not a character */
	CHECK(text_is(&e, "中议文 \xEF\xBF\xBD" "ab"));
	edbuf_free(&e);
}

static void t_backspace_delete(void)
{
	struct edbuf e;

	edbuf_init(&e, 0, 0);
	edbuf_backspace(&e);                        /* empty: nothing happens */
	edbuf_delete(&e);
	CHECK_INT(e.len, 0);
	edbuf_set(&e, "中文字");
	CHECK_INT(e.cur, 3);
	edbuf_delete(&e);                           /* at the end: nothing */
	CHECK(text_is(&e, "中文字"));
	edbuf_backspace(&e);
	CHECK(text_is(&e, "中文"));
	CHECK_INT(e.cur, 2);
	edbuf_home(&e);
	edbuf_backspace(&e);                        /* at the start: nothing */
	CHECK(text_is(&e, "中文"));
	edbuf_delete(&e);
	CHECK(text_is(&e, "文"));
	CHECK_INT(e.cur, 0);
	edbuf_left(&e);
	CHECK_INT(e.cur, 0);
	edbuf_end(&e);
	edbuf_right(&e);
	CHECK_INT(e.cur, 1);
	edbuf_clear(&e);
	CHECK(text_is(&e, ""));
	edbuf_free(&e);
}

/* a character and its zero-width marks are one to the cursor and to
 * Backspace and Delete (found by fuzz_edit: Left put the cursor between
 * an accent and its variation selector, past the field's last column) */
static void t_marks(void)
{
	struct edbuf e;
	int r, c;

	edbuf_init(&e, 0, 0);
	/* 0 a 1 e 2 U+0301 3 U+FE0F 4 b 5 */
	edbuf_set(&e, "ae\u0301\ufe0fb");
	CHECK_INT(e.len, 5);
	edbuf_left(&e);
	CHECK_INT(e.cur, 4);
	edbuf_left(&e);                             /* over e and both marks */
	CHECK_INT(e.cur, 1);
	edbuf_right(&e);
	CHECK_INT(e.cur, 4);
	edbuf_backspace(&e);                        /* e with its marks */
	CHECK(text_is(&e, "ab"));
	CHECK_INT(e.cur, 1);
	edbuf_set(&e, "ae\u0301\ufe0fb");
	edbuf_home(&e);
	edbuf_right(&e);
	edbuf_delete(&e);
	CHECK(text_is(&e, "ab"));
	edbuf_set(&e, "电梯\u20e3 x");                /* word moves too */
	edbuf_home(&e);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 4);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 0);
	/* the case fuzz_edit found: 2 columns, the cursor never in column 2 */
	edbuf_set(&e, "\ufffd \ufffd\ufffd\u0301\ufe0f");
	edbuf_left(&e);
	CHECK_INT(e.cur, 3);
	edbuf_cursor_pos(&e, 2, &r, &c);
	CHECK_INT(r, 1);
	CHECK_INT(c, 1);
	/* a mark at a line's start has nothing to join: it stands alone */
	edbuf_set(&e, "\u0301a");
	edbuf_home(&e);
	edbuf_right(&e);
	CHECK_INT(e.cur, 1);
	/* ... until a character is typed before it, which takes it: the
	 * cursor goes past both (found by fuzz_edit's long run) */
	edbuf_home(&e);
	edbuf_insert(&e, 0x7E7B);
	CHECK_INT(e.cur, 2);
	CHECK(text_is(&e, "\u7e7b\u0301a"));
	edbuf_free(&e);
	/* or the newline before it is deleted */
	edbuf_init(&e, 1, 0);
	edbuf_set(&e, "a\n\u0301");
	edbuf_left(&e);                             /* before the lone mark */
	CHECK_INT(e.cur, 2);
	edbuf_backspace(&e);
	CHECK(text_is(&e, "a\u0301"));
	CHECK_INT(e.cur, 2);
	edbuf_free(&e);
}

static void t_paste_lines(void)
{
	struct edbuf s, m;

	edbuf_init(&s, 0, 0);
	edbuf_init(&m, 1, 0);
	paste(&s, "第一行\r\n第二行\r第三行\n四\tx\x1b");
	paste(&m, "第一行\r\n第二行\r第三行\n四\tx\x1b");
	CHECK(text_is(&s, "第一行 第二行 第三行 四 x"));
	CHECK(text_is(&m, "第一行\n第二行\n第三行\n四 x"));
	CHECK_INT(m.cur, m.len);
	/* pasted into the middle, the cursor ends after the paste */
	edbuf_home(&s);
	edbuf_right(&s);
	paste(&s, "ab\n");
	CHECK(text_is(&s, "第ab 一行 第二行 第三行 四 x"));
	CHECK_INT(s.cur, 4);
	/* invalid bytes arrive as U+FFFD, one each */
	edbuf_clear(&s);
	edbuf_insert_utf8(&s, "a\xFF\xE4\xB8", 4);
	CHECK(text_is(&s, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
	/* n is honoured: a cut character is not read past */
	edbuf_clear(&s);
	edbuf_insert_utf8(&s, "中文", 4);
	CHECK(text_is(&s, "中\xEF\xBF\xBD"));
	edbuf_free(&s);
	edbuf_free(&m);
}

static void t_maxchars(void)
{
	struct edbuf e;

	edbuf_init(&e, 0, 3);
	/* a paste that does not fit is refused whole: nothing half-typed */
	CHECK_INT(edbuf_insert_utf8(&e, "中文字测试", strlen("中文字测试")), 2);
	CHECK(text_is(&e, ""));
	CHECK_INT(edbuf_insert_utf8(&e, "中文", strlen("中文")), 0);
	CHECK_INT(edbuf_insert_utf8(&e, "字测", strlen("字测")), 1);
	CHECK(text_is(&e, "中文"));
	CHECK_INT(edbuf_insert_utf8(&e, "字", strlen("字")), 0);
	CHECK(text_is(&e, "中文字"));
	CHECK_INT(edbuf_insert(&e, L'x'), -1);
	CHECK(text_is(&e, "中文字"));
	edbuf_backspace(&e);
	CHECK_INT(edbuf_insert(&e, L'x'), 0);
	CHECK(text_is(&e, "中文x"));
	/* ignored controls are not "refused" */
	CHECK_INT(edbuf_insert_utf8(&e, "\x01\x02", 2), 0);
	/* nor into an empty buffer, which has no storage yet */
	{
		struct edbuf z;
		edbuf_init(&z, 0, 10);
		CHECK_INT(edbuf_insert_utf8(&z, "\x01", 1), 0);
		CHECK_INT(z.len, 0);
		/* bidirectional controls are dropped: they reorder printed text */
		CHECK_INT(edbuf_insert_utf8(&z, "a\u202Eb\u2066c\u2069", strlen("a\u202Eb\u2066c\u2069")), 0);
		CHECK(text_is(&z, "abc"));
		CHECK_INT(edbuf_insert(&z, 0x202D), 0);
		CHECK(text_is(&z, "abc"));
		edbuf_free(&z);
	}
	/* stored text is loaded whole even when longer than the limit */
	edbuf_set(&e, "一二三四五");
	CHECK(text_is(&e, "一二三四五"));
	CHECK_INT(edbuf_insert(&e, L'x'), -1);
	edbuf_free(&e);
}

static void t_lines_home_end_kill(void)
{
	struct edbuf e;

	edbuf_init(&e, 1, 0);
	edbuf_set(&e, "第一行\n第二行\n三");
	e.cur = 5;                                  /* in 第二行, after 第 */
	edbuf_home(&e);
	CHECK_INT(e.cur, 4);
	edbuf_end(&e);
	CHECK_INT(e.cur, 7);
	edbuf_kill_to_end(&e);                      /* at the end: joins lines */
	CHECK(text_is(&e, "第一行\n第二行三"));
	e.cur = 6;
	edbuf_kill_to_end(&e);
	CHECK(text_is(&e, "第一行\n第二"));
	edbuf_kill_to_start(&e);
	CHECK(text_is(&e, "第一行\n"));
	CHECK_INT(e.cur, 4);
	edbuf_free(&e);
}

static void t_words(void)
{
	struct edbuf e;

	edbuf_init(&e, 0, 0);
	edbuf_set(&e, "hello world 电梯维修，费用 ok");
	/* 0 hello 5 _ 6 world 11 _ 12 电梯维修 16 ， 17 费用 19 _ 20 ok 22 */
	edbuf_home(&e);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 6);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 12);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 16);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 17);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 20);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 22);
	edbuf_word_right(&e);
	CHECK_INT(e.cur, 22);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 20);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 17);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 16);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 12);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 6);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 0);
	edbuf_word_left(&e);
	CHECK_INT(e.cur, 0);
	edbuf_free(&e);
}

/* layout as "start+len" pairs joined by spaces */
static int rows_are(const struct edbuf *e, int cols, const char *want)
{
	struct edrow *r;
	size_t n = edbuf_layout(e, cols, &r), i;
	char got[256] = "";
	int ok;

	for (i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%zu+%zu",
		         i ? " " : "", r[i].start, r[i].len);
	free(r);
	ok = strcmp(got, want) == 0;
	if (!ok)
		printf("  layout at %d = \"%s\", expected \"%s\"\n", cols, got, want);
	return ok;
}

static void t_layout(void)
{
	struct edbuf e;
	int row, col;

	text_set_ambiguous_width(2);
	edbuf_init(&e, 1, 0);
	CHECK(rows_are(&e, 4, "0+0"));
	edbuf_set(&e, "中文字a\ncd");
	/* 中文 | 字a | cd : 字 does not fit after 中文 in 4 columns... */
	CHECK(rows_are(&e, 4, "0+2 2+2 5+2"));
	/* ... and a wide character never straddles: 5 columns hold 中文 + 1 */
	CHECK(rows_are(&e, 5, "0+2 2+2 5+2"));
	CHECK(rows_are(&e, 8, "0+4 5+2"));
	/* a row filled up to its newline: the end of the line needs a cell
	 * for the cursor, so it moves to a row of its own */
	CHECK(rows_are(&e, 7, "0+4 4+0 5+2"));
	e.cur = 4;                                  /* end of 字a */
	edbuf_cursor_pos(&e, 4, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 3);
	e.cur = 2;                                  /* start of 字: next row */
	edbuf_cursor_pos(&e, 4, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 0);
	/* a row for the position after a trailing newline */
	edbuf_set(&e, "ab\n");
	CHECK(rows_are(&e, 4, "0+2 3+0"));
	edbuf_cursor_pos(&e, 4, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 0);
	/* a full last row: the cursor after it gets a row of its own */
	edbuf_set(&e, "中文");
	CHECK(rows_are(&e, 4, "0+2 2+0"));
	edbuf_cursor_pos(&e, 4, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 0);
	/* empty lines are rows */
	edbuf_set(&e, "a\n\nb");
	CHECK(rows_are(&e, 4, "0+1 2+0 3+1"));
	/* narrower than a wide character: one per row, no endless loop */
	edbuf_set(&e, "中文");
	CHECK(rows_are(&e, 1, "0+1 1+1 2+0"));
	edbuf_free(&e);
}

static void t_up_down(void)
{
	struct edbuf e;
	int row, col;

	edbuf_init(&e, 1, 0);
	edbuf_set(&e, "abcdef\n中文字");
	e.cur = 3;                                  /* col 3 */
	edbuf_down(&e, 10);
	CHECK_INT(e.cur, 8);                        /* after 中: col 2, not inside 文 */
	edbuf_cursor_pos(&e, 10, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 2);
	edbuf_down(&e, 10);                         /* last row: stays */
	CHECK_INT(e.cur, 8);
	edbuf_up(&e, 10);
	CHECK_INT(e.cur, 2);
	edbuf_up(&e, 10);                           /* first row: stays */
	CHECK_INT(e.cur, 2);
	e.cur = 6;                                  /* end of abcdef */
	edbuf_down(&e, 10);
	CHECK_INT(e.cur, 10);                       /* end of the shorter row */
	/* soft-wrapped rows: "中文字测试" at 4 columns = 中文|字测|试 */
	edbuf_set(&e, "中文字测试");
	e.cur = 1;
	edbuf_down(&e, 4);
	CHECK_INT(e.cur, 3);
	edbuf_down(&e, 4);
	CHECK_INT(e.cur, 5);                        /* 试 is shorter: its end */
	edbuf_up(&e, 4);
	CHECK_INT(e.cur, 3);
	e.cur = 4;                                  /* end of row 1 (col 4) */
	edbuf_cursor_pos(&e, 4, &row, &col);        /* is the start of row 2 */
	CHECK_INT(row, 2);
	CHECK_INT(col, 0);
	e.cur = 5;
	edbuf_cursor_pos(&e, 4, &row, &col);
	CHECK_INT(row, 2);
	CHECK_INT(col, 2);
	edbuf_up(&e, 4);                            /* col 2 of row 1: after 字 */
	CHECK_INT(e.cur, 3);
	e.cur = 2;                                  /* row 1, col 0 */
	edbuf_up(&e, 4);
	CHECK_INT(e.cur, 0);
	e.cur = 1;                                  /* row 0 col 2 */
	edbuf_up(&e, 4);
	CHECK_INT(e.cur, 1);
	/* up from column 4 into a soft-wrapped row only 4 wide: the end of
	 * that row is the next row's start, so the cursor stops before 文 */
	edbuf_set(&e, "中文字ab");
	edbuf_up(&e, 5);
	CHECK_INT(e.cur, 1);
	edbuf_cursor_pos(&e, 5, &row, &col);
	CHECK_INT(row, 0);
	CHECK_INT(col, 2);
	edbuf_free(&e);
}

/* render into a buffer and check text, width and cursor */
static int render_is(struct edbuf *e, int cols, const char *want, int want_cur)
{
	char buf[128];
	int cur = -1, ok;

	edbuf_render_line(e, cols, buf, sizeof buf, &cur);
	ok = strcmp(buf, want) == 0 && cur == want_cur && text_width(buf) == cols;
	if (!ok)
		printf("  render at %d = \"%s\" cursor %d (scroll %d), expected \"%s\" cursor %d\n",
		       cols, buf, cur, e->scroll, want, want_cur);
	return ok;
}

static void t_render_line(void)
{
	struct edbuf e;

	edbuf_init(&e, 0, 0);
	CHECK(render_is(&e, 4, "    ", 0));
	edbuf_set(&e, "中文");
	CHECK(render_is(&e, 6, "中文  ", 4));
	/* scrolled to the end: cursor after the text, 字 is off the left */
	edbuf_set(&e, "中文字测试");
	CHECK(render_is(&e, 5, "测试 ", 4));
	CHECK_INT(e.scroll, 6);
	/* back home: 字 would straddle the right edge, a blank instead */
	edbuf_home(&e);
	CHECK(render_is(&e, 5, "中文 ", 0));
	CHECK_INT(e.scroll, 0);
	/* half of 文 at the left edge becomes a blank */
	edbuf_set(&e, "a中文字");
	CHECK(render_is(&e, 4, " 字 ", 3));
	CHECK_INT(e.scroll, 4);
	/* the cursor on a wide character: all of it is shown */
	edbuf_set(&e, "abcd中");
	e.scroll = 0;
	e.cur = 4;
	CHECK(render_is(&e, 5, "bcd中", 3));
	CHECK_INT(e.scroll, 1);
	/* moving left scrolls only when the cursor leaves the field */
	edbuf_left(&e);
	CHECK(render_is(&e, 5, "bcd中", 2));
	edbuf_home(&e);
	CHECK(render_is(&e, 5, "abcd ", 0));
	/* text shorter than the field again: no empty columns at the right */
	edbuf_set(&e, "中文字测试");
	CHECK(render_is(&e, 5, "测试 ", 4));
	edbuf_backspace(&e);
	edbuf_backspace(&e);
	edbuf_backspace(&e);
	CHECK(render_is(&e, 5, "中文 ", 4));
	CHECK_INT(e.scroll, 0);
	/* a too-small buffer still gives blanks of the right width */
	{
		char small[4];
		int cur;
		edbuf_render_line(&e, 3, small, sizeof small, &cur);
		CHECK_STR(small, "   ");
	}
	edbuf_free(&e);
}

int main(void)
{
	RUN(t_insert_cjk);
	RUN(t_backspace_delete);
	RUN(t_marks);
	RUN(t_paste_lines);
	RUN(t_maxchars);
	RUN(t_lines_home_end_kill);
	RUN(t_words);
	RUN(t_layout);
	RUN(t_up_down);
	RUN(t_render_line);
	T_DONE();
}
