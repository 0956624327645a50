/* test_text.c: widths, decoding, text_fit, text_wrap; and util.c helpers */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "base/text.h"
#include "base/util.h"
#include "base/embed.h"

/* Stand-ins so this test links on its own; the real tables (built from
 * data/) take precedence when linked with embed.o. */
__attribute__((weak)) const struct embedded_file embedded_files[1] = {{0}};
__attribute__((weak)) const size_t embedded_count = 0;

#define FFFD "\xEF\xBF\xBD"

/* text_fit, compared and freed */
static int fit_is(const char *s, int cols, int flags, const char *want)
{
	char *got = text_fit(s, cols, flags);
	int ok = strcmp(got, want) == 0;

	if (!ok)
		printf("  text_fit(\"%s\", %d, %d) = \"%s\", expected \"%s\"\n",
		       s ? s : "(null)", cols, flags, got, want);
	free(got);
	return ok;
}

/* must run first: the variable is read at first use */
static void t_ambi_env(void)
{
	/* the default is 1; the variable asks for 2 */
	setenv("YISHITING_AMBIWIDTH", "2", 1);
	CHECK_INT(text_wcwidth(0x201C), 2);
	CHECK_INT(text_ambiguous_width(), 2);
	setenv("YISHITING_AMBIWIDTH", "1", 1);      /* too late: decided */
	CHECK_INT(text_ambiguous_width(), 2);
	unsetenv("YISHITING_AMBIWIDTH");
}

static void t_width_basic(void)
{
	text_set_ambiguous_width(2);
	CHECK_INT(text_wcwidth(L'a'), 1);
	CHECK_INT(text_wcwidth(L' '), 1);
	CHECK_INT(text_wcwidth(0x4E2D), 2);         /* 中 */
	CHECK_INT(text_wcwidth(0x3000), 2);         /* ideographic space */
	CHECK_INT(text_wcwidth(0x3002), 2);         /* 。 */
	CHECK_INT(text_wcwidth(0xFF0C), 2);         /* ， */
	CHECK_INT(text_wcwidth(0xFFE5), 2);         /* ￥ */
	CHECK_INT(text_wcwidth(0x3042), 2);         /* あ */
	CHECK_INT(text_wcwidth(0xAC00), 2);         /* 가 */
	CHECK_INT(text_wcwidth(0x20000), 2);        /* Ext B */
	CHECK_INT(text_wcwidth(0x1F600), 2);        /* emoji */
	CHECK_INT(text_wcwidth(0x0301), 0);         /* combining acute */
	CHECK_INT(text_wcwidth(0x200B), 0);         /* zero width space */
	CHECK_INT(text_wcwidth(L'\t'), 1);          /* shown as a space */
	CHECK_INT(text_wcwidth(L'\n'), 1);
	CHECK_INT(text_wcwidth(0x7F), 1);
	CHECK_INT(text_wcwidth(0x85), 1);
	CHECK_INT(text_wcwidth(0x25B8), 1);         /* ▸ is not ambiguous */
	CHECK_INT(text_wcwidth(0x00E9), 1);         /* é */
	CHECK_INT(text_wcwidth(0xD800), 1);         /* surrogate: as U+FFFD */
	CHECK_INT(text_wcwidth(0x110000), 1);
	CHECK_INT(text_width("中文abc"), 7);
	CHECK_INT(text_width("e\xCC\x81"), 1);
	CHECK_INT(text_width(""), 0);
	CHECK_INT(text_width("a\tb"), 3);
}

static void t_width_ambiguous(void)
{
	static const wchar_t amb[] = {
		0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014, 0x2013, 0x00B7,
		0x25CB, 0x25CF, 0x2460, 0x2473, 0x203B, 0x00A7, 0x00B0, 0x00B1,
		0x00D7, 0x00F7, 0x2192, 0x2190, 0x2191, 0x2193, 0x25A0, 0x25A1,
		0x25B2, 0x25B3, 0x25C6, 0x25C7, 0x2605, 0x2606, 0x2160, 0x216B,
		0x221A, 0x221E, 0x2264, 0x2265, 0x2260, 0x03B1, 0x03C9, 0x0410,
		0x044F, 0x2500, 0x2502, 0x257F,
	};
	size_t i;

	text_set_ambiguous_width(2);
	for (i = 0; i < YS_ARRAY_LEN(amb); i++)
		CHECK_INT(text_wcwidth(amb[i]), 2);
	CHECK_INT(text_width("“好”"), 6);
	text_set_ambiguous_width(1);
	CHECK_INT(text_ambiguous_width(), 1);
	for (i = 0; i < YS_ARRAY_LEN(amb); i++)
		CHECK_INT(text_wcwidth(amb[i]), 1);
	CHECK_INT(text_width("“好”"), 4);
	CHECK_INT(text_wcwidth(0x4E2D), 2);         /* wide stays wide */
	text_set_ambiguous_width(7);                /* nonsense means 2 */
	CHECK_INT(text_ambiguous_width(), 2);
}

static void t_decode_valid(void)
{
	wchar_t c = 0;
	char buf[4];

	CHECK_INT(text_decode("a", 1, &c), 1);
	CHECK_INT(c, 'a');
	CHECK_INT(text_decode("中", 3, &c), 3);
	CHECK_INT(c, 0x4E2D);
	CHECK_INT(text_decode("\xF0\xA0\x80\x80", 4, &c), 4);
	CHECK_INT(c, 0x20000);
	CHECK_INT(text_decode("\xC2\xA9", 2, &c), 2);
	CHECK_INT(c, 0xA9);
	CHECK_INT(text_decode("x", 0, &c), 0);
	CHECK_INT(text_encode(0x4E2D, buf), 3);
	CHECK(memcmp(buf, "中", 3) == 0);
	CHECK_INT(text_encode(0x10FFFF, buf), 4);
	CHECK(memcmp(buf, "\xF4\x8F\xBF\xBF", 4) == 0);
	CHECK_INT(text_encode(0xD800, buf), 3);     /* not encodable */
	CHECK(memcmp(buf, FFFD, 3) == 0);
	CHECK_INT(text_encode(0x7FF, buf), 2);
	CHECK(memcmp(buf, "\xDF\xBF", 2) == 0);
	CHECK(text_valid_utf8("中文 abc “引号”"));
	CHECK(text_valid_utf8(FFFD));               /* a real U+FFFD is valid */
	CHECK_INT(text_chars("中文ab"), 4);
	CHECK_INT(text_chars(""), 0);
}

/* Every kind of invalid input: one U+FFFD per invalid byte. */
static void t_decode_invalid(void)
{
	static const struct {
		const char *in;
		size_t chars;
	} bad[] = {
		{"\x80", 1},                    /* stray continuation */
		{"\xBF\x80", 2},
		{"\xC0\xAF", 2},                /* overlong '/' */
		{"\xC1\xBF", 2},
		{"\xE0\x80\xAF", 3},            /* overlong, 3 bytes */
		{"\xF0\x80\x80\xAF", 4},        /* overlong, 4 bytes */
		{"\xED\xA0\x80", 3},            /* surrogate D800 */
		{"\xED\xBF\xBF", 3},            /* surrogate DFFF */
		{"\xF4\x90\x80\x80", 4},        /* U+110000 */
		{"\xF5\x80\x80\x80", 4},
		{"\xFE", 1}, {"\xFF", 1},
		{"\xE4\xB8", 2},                /* truncated 中 */
		{"\xF0\xA0\x80", 3},            /* truncated 4-byte */
	};
	wchar_t c = 0;
	size_t i;

	for (i = 0; i < YS_ARRAY_LEN(bad); i++) {
		char want[64] = "", *got;
		size_t k;
		CHECK(!text_valid_utf8(bad[i].in));
		CHECK_INT(text_chars(bad[i].in), bad[i].chars);
		CHECK_INT(text_width(bad[i].in), bad[i].chars);
		CHECK_INT(text_decode(bad[i].in, strlen(bad[i].in), &c), 1);
		CHECK_INT(c, 0xFFFD);
		for (k = 0; k < bad[i].chars; k++)
			strcat(want, FFFD);
		got = text_fit(bad[i].in, (int)bad[i].chars, 0);
		CHECK_STR(got, want);
		free(got);
	}
	/* a copy made valid: each bad byte one U+FFFD, the rest as it was */
	for (i = 0; i < YS_ARRAY_LEN(bad); i++) {
		char want[64] = "a\t", *got;
		for (size_t k = 0; k < bad[i].chars; k++)
			strcat(want, FFFD);
		strcat(want, "\n中");
		char in[64];
		snprintf(in, sizeof in, "a\t%s\n中", bad[i].in);
		got = text_valid_dup(in);
		CHECK_STR(got, want);
		CHECK(text_valid_utf8(got));
		free(got);
	}
	{
		char *got = text_valid_dup(NULL);
		CHECK_STR(got, "");
		free(got);
	}
	/* a truncated character followed by valid text: the text survives */
	CHECK(fit_is("\xE4\xB8" "a中", 5, 0, FFFD FFFD "a中"));
	CHECK(fit_is("\xFF中", 4, 0, FFFD "中 "));
	/* truncation by n, not by the bytes */
	CHECK_INT(text_decode("中", 2, &c), 1);
	CHECK_INT(c, 0xFFFD);
}

static void t_fit_pad_truncate(void)
{
	text_set_ambiguous_width(2);
	CHECK(fit_is("中文", 5, 0, "中文 "));
	CHECK(fit_is("中文", 4, 0, "中文"));
	CHECK(fit_is("abc", 3, 0, "abc"));
	CHECK(fit_is("abcd", 3, 0, "abc"));
	/* odd width: 字 would straddle the edge and becomes a space */
	CHECK(fit_is("中文字", 5, 0, "中文 "));
	CHECK(fit_is("中文", 3, 0, "中 "));
	CHECK(fit_is("中", 1, 0, " "));
	CHECK(fit_is("a中", 2, 0, "a "));
	CHECK(fit_is("中文字", 5, TEXT_NOPAD, "中文"));
	CHECK(fit_is("ab", 5, TEXT_NOPAD, "ab"));
	CHECK(fit_is("中文", 0, 0, ""));
	CHECK(fit_is("中文", -3, 0, ""));
	CHECK(fit_is("", 3, 0, "   "));
	CHECK(fit_is(NULL, 2, 0, "  "));
}

static void t_fit_controls(void)
{
	CHECK(fit_is("a\tb\nc\x7f\xC2\x85" "d", 8, 0, "a b c  d"));
	CHECK(fit_is("\x1b[31mred", 8, 0, " [31mred"));   /* no escapes reach the terminal */
	CHECK(fit_is("a\r\n", 3, 0, "a  "));
	/* combining marks stay with their letter and take no column */
	CHECK(fit_is("e\xCC\x81x", 3, 0, "e\xCC\x81x "));
	/* ... but one with nothing to sit on is not shown */
	CHECK(fit_is("\xCC\x81" "a", 2, 0, "a "));
	/* invisible format characters are dropped */
	CHECK(fit_is("a\xE2\x80\x8B" "b\xEF\xBB\xBF", 2, 0, "ab"));
	/* a mark after the last character that fits stays with it */
	CHECK(fit_is("ae\xCC\x81" "b", 2, 0, "ae\xCC\x81"));
}

static void t_fit_ellipsis(void)
{
	text_set_ambiguous_width(2);
	/* "…" counts 2 columns here */
	CHECK(fit_is("中文字测试", 6, TEXT_ELLIPSIS, "中文…"));
	CHECK(fit_is("中文字测试", 7, TEXT_ELLIPSIS, "中文… "));
	CHECK(fit_is("abcdef", 5, TEXT_ELLIPSIS, "abc…"));
	CHECK(fit_is("abcde", 5, TEXT_ELLIPSIS, "abcde"));      /* fits: none */
	CHECK(fit_is("abc", 5, TEXT_ELLIPSIS, "abc  "));
	CHECK(fit_is("中文", 1, TEXT_ELLIPSIS, "."));            /* no room for … */
	CHECK(fit_is("中文字", 2, TEXT_ELLIPSIS, "…"));
	CHECK(fit_is("中文字", 3, TEXT_ELLIPSIS, "… "));
	CHECK(fit_is("abc", 0, TEXT_ELLIPSIS, ""));
	text_set_ambiguous_width(1);
	CHECK(fit_is("中文字测试", 7, TEXT_ELLIPSIS, "中文字…"));
	CHECK(fit_is("中文字测试", 6, TEXT_ELLIPSIS, "中文… "));
	CHECK(fit_is("abcdef", 5, TEXT_ELLIPSIS, "abcd…"));
	CHECK(fit_is("中文", 1, TEXT_ELLIPSIS, "…"));
	CHECK(fit_is("abcdef", 5, TEXT_ELLIPSIS | TEXT_RIGHT, "abcd…"));
	text_set_ambiguous_width(2);
}

static void t_fit_align(void)
{
	CHECK(fit_is("中", 5, TEXT_RIGHT, "   中"));
	CHECK(fit_is("ab", 5, TEXT_CENTER, " ab  "));
	CHECK(fit_is("中", 6, TEXT_CENTER, "  中  "));
	CHECK(fit_is("中文字", 5, TEXT_RIGHT, " 中文"));        /* straddle pad goes left too */
	CHECK(fit_is("中文字测试", 7, TEXT_ELLIPSIS | TEXT_RIGHT, " 中文…"));
	CHECK(fit_is("ab", 5, TEXT_RIGHT | TEXT_NOPAD, "ab"));
	CHECK(fit_is("abcdef", 3, TEXT_RIGHT, "abc"));
}

/* Whatever goes in, exactly cols columns of valid UTF-8 come out. */
static void t_fit_always_exact(void)
{
	static const char *in[] = {
		"", "a", "中", "中文字测试一二三", "“引号”……——", "a中b文c字",
		"\xE4\xB8" "a\xFF\x80中", "e\xCC\x81\xCC\x81中\tx\n", "①②③④⑤",
		"\xF0\x9F\x98\x80\xF0\x9F\x98\x80x", "─┼─│", "\xCC\x81\xCC\x81",
	};
	static const int flags[] = {
		0, TEXT_ELLIPSIS, TEXT_RIGHT, TEXT_CENTER,
		TEXT_ELLIPSIS | TEXT_RIGHT, TEXT_ELLIPSIS | TEXT_CENTER,
	};
	int amb, cols;
	size_t i, f;

	for (amb = 1; amb <= 2; amb++) {
		text_set_ambiguous_width(amb);
		for (i = 0; i < YS_ARRAY_LEN(in); i++)
			for (f = 0; f < YS_ARRAY_LEN(flags); f++)
				for (cols = 0; cols <= 14; cols++) {
					char *s = text_fit(in[i], cols, flags[f]);
					char buf[128];
					int n = text_fit_buf(in[i], cols, flags[f], buf, sizeof buf);
					CHECK_INT(text_width(s), cols);
					CHECK(text_valid_utf8(s));
					CHECK_INT(n, (long)strlen(s));
					CHECK_STR(buf, s);
					free(s);
				}
	}
	text_set_ambiguous_width(2);
}

static void t_fit_buf(void)
{
	char buf[8];

	CHECK_INT(text_fit_buf("中文", 5, 0, buf, sizeof buf), 7);
	CHECK_STR(buf, "中文 ");
	CHECK_INT(text_fit_buf("中文", 6, 0, buf, sizeof buf), -1);  /* needs 9 */
	CHECK_STR(buf, "");
	CHECK_INT(text_fit_buf("ab", 2, 0, buf, 3), 2);
	CHECK_INT(text_fit_buf("ab", 2, 0, buf, 2), -1);
}

static void t_col_to_byte(void)
{
	CHECK_INT(text_col_to_byte("中文", 0), 0);
	CHECK_INT(text_col_to_byte("中文", 1), 0);
	CHECK_INT(text_col_to_byte("中文", 2), 3);
	CHECK_INT(text_col_to_byte("中文", 3), 3);
	CHECK_INT(text_col_to_byte("中文", 9), 6);
	CHECK_INT(text_col_to_byte("ab中", 3), 2);
	CHECK_INT(text_col_to_byte("e\xCC\x81x", 1), 3);
}

/* ---- text_wrap ------------------------------------------------------- */

struct lines {
	char out[512];
	int n;
	int maxw;
};

static void collect(const char *line, size_t n, void *arg)
{
	struct lines *l = arg;
	char tmp[256];
	int w;

	if (l->n)
		strcat(l->out, "|");
	memcpy(tmp, line, n);
	tmp[n] = '\0';
	strcat(l->out, tmp);
	w = text_width(tmp);
	if (w > l->maxw)
		l->maxw = w;
	l->n++;
}

/* text_wrap gives `want` (lines joined by '|'), none wider than maxw */
static int wrap_is_max(const char *s, int cols, int maxw, const char *want)
{
	struct lines l = {"", 0, 0};
	int n = text_wrap(s, cols, collect, &l);
	int ok = strcmp(l.out, want) == 0 && n == l.n && l.maxw <= maxw;

	if (!ok)
		printf("  text_wrap(\"%s\", %d) = \"%s\" (%d lines, widest %d), expected \"%s\"\n",
		       s, cols, l.out, n, l.maxw, want);
	return ok;
}

static int wrap_is(const char *s, int cols, const char *want)
{
	return wrap_is_max(s, cols, cols, want);
}

static void t_wrap_basic(void)
{
	text_set_ambiguous_width(2);
	CHECK(wrap_is("中文测试", 4, "中文|测试"));
	CHECK(wrap_is("中文测试", 5, "中文|测试"));
	CHECK(wrap_is("中文测试", 8, "中文测试"));
	CHECK(wrap_is("hello world", 7, "hello|world"));
	CHECK(wrap_is("hello world", 11, "hello world"));
	CHECK(wrap_is("ab  cd", 3, "ab|cd"));                  /* spaces at a break go */
	CHECK(wrap_is("abcdefghij", 4, "abcd|efgh|ij"));        /* word longer than a line */
	CHECK(wrap_is("中文abc def", 5, "中文|abc|def"));
	CHECK(wrap_is("会议2026-017号", 6, "会议|2026-0|17号"));
	CHECK(wrap_is("3.14 is pi", 3, "3.1|4|is|pi"));
	CHECK(wrap_is("a\tb", 5, "a b"));
}

static void t_wrap_kinsoku(void)
{
	text_set_ambiguous_width(2);
	/* 。 would start the second line: 界 comes down with it */
	CHECK(wrap_is("你好世界。", 8, "你好世|界。"));
	CHECK(wrap_is("中文，测试", 4, "中|文，|测试"));
	CHECK(wrap_is("同意。反对！", 4, "同|意。|反|对！"));
	CHECK(wrap_is("他说：“好”", 6, "他说：|“好”"));
	/* 「 may not end a line */
	CHECK(wrap_is("你好「世」", 6, "你好|「世」"));
	CHECK(wrap_is("通过（全票）", 6, "通过|（全|票）"));
	/* ASCII closing punctuation after Chinese */
	CHECK(wrap_is("中文,abc", 4, "中|文,a|bc"));
	CHECK(wrap_is("中文(abc)", 3, "中|文|(ab|c)"));
	/* when nothing else works the break is forced, never an overlong line */
	CHECK(wrap_is("中文。", 2, "中|文|。"));
	CHECK(wrap_is("。。。。", 4, "。。|。。"));
	CHECK(wrap_is("好的——是", 6, "好的|——是"));
}

static void t_wrap_newlines(void)
{
	CHECK(wrap_is("a\n\nb", 5, "a||b"));
	CHECK(wrap_is("a\r\nb\rc", 5, "a|b|c"));
	CHECK(wrap_is("", 5, ""));
	CHECK(wrap_is("abc\n", 5, "abc|"));
	CHECK(wrap_is("\n", 5, "|"));
	CHECK(wrap_is("  缩进", 6, "  缩进"));                  /* indentation kept */
	CHECK(wrap_is("中文测试\n一二", 4, "中文|测试|一二"));
	CHECK_INT(text_wrap("a\nb\nc", 3, NULL, NULL), 3);
}

/* no line wider than cols, nothing lost but spaces */
static void t_wrap_narrow(void)
{
	static const char *in[] = {
		"中文，测试。你好「世界」！", "a, b. c; d", "（一）第一条：……",
		"「」「」", "中\xFF\x80文", "abc中文def，。", "“”‘’",
	};
	size_t i;
	int cols;

	for (i = 0; i < YS_ARRAY_LEN(in); i++)
		for (cols = 2; cols <= 12; cols++) {
			struct lines l = {"", 0, 0};
			char joined[512] = "", want[512] = "";
			size_t a, b = 0;
			text_wrap(in[i], cols, collect, &l);
			CHECK(l.maxw <= cols);
			/* same characters, in order, apart from the line breaks */
			for (a = 0; l.out[a]; a++)
				if (l.out[a] != '|' && l.out[a] != ' ')
					joined[b++] = l.out[a];
			joined[b] = '\0';
			{
				char *s = text_fit(in[i], text_width(in[i]), 0);
				for (a = b = 0; s[a]; a++)
					if (s[a] != ' ')
						want[b++] = s[a];
				want[b] = '\0';
				free(s);
			}
			CHECK_STR(joined, want);
		}
	/* too narrow: one character a line, even if it is wider */
	CHECK(wrap_is_max("中文", 1, 2, "中|文"));
	CHECK(wrap_is_max("ab", 0, 1, "a|b"));
}

/* ---- util.c ---------------------------------------------------------- */

static void t_util_strlcpy(void)
{
	char buf[8];

	CHECK_INT(ys_strlcpy(buf, "abc", sizeof buf), 0);
	CHECK_STR(buf, "abc");
	CHECK_INT(ys_strlcpy(buf, "中文字", sizeof buf), -1);  /* 9 bytes */
	CHECK_STR(buf, "中文");                                /* not half of 字 */
	CHECK_INT(ys_strlcpy(buf, "ab中文", 5), -1);
	CHECK_STR(buf, "ab");
	CHECK_INT(ys_strlcpy(buf, "abcdefg", 8), 0);
	CHECK_INT(ys_strlcpy(buf, "abcdefgh", 8), -1);
	CHECK_STR(buf, "abcdefg");
	CHECK_INT(ys_strlcpy(buf, "中", 3), -1);
	CHECK_STR(buf, "");
	CHECK_INT(ys_snprintf(buf, 4, "%d", 123), 0);
	CHECK_INT(ys_snprintf(buf, 4, "%d", 1234), -1);
}

static void t_util_trim(void)
{
	char a[] = "  \t中文 abc\n ", b[] = "\xE3\x80\x80议题\xE3\x80\x80 ", c[] = " \xE3\x80\x80 ",
	     d[] = "x";

	CHECK_STR(ys_trim(a), "中文 abc");
	CHECK(ys_trim(b) == b);
	CHECK_STR(b, "议题");
	CHECK_STR(ys_trim(c), "");
	CHECK_STR(ys_trim(d), "x");
}

static void t_util_uuid(void)
{
	char u[YS_UUID_LEN + 1], v[YS_UUID_LEN + 1];
	size_t i;

	ys_uuid(u);
	ys_uuid(v);
	CHECK_INT(strlen(u), 36);
	CHECK(ys_uuid_valid(u));
	CHECK(strcmp(u, v) != 0);
	CHECK_INT(u[14], '4');                      /* random (version 4) */
	for (i = 0; i < 36; i++)
		CHECK(u[i] == '-' || (u[i] >= '0' && u[i] <= '9') || (u[i] >= 'a' && u[i] <= 'f'));
	CHECK(ys_uuid_valid("123E4567-E89B-12D3-A456-426614174000"));
	CHECK(!ys_uuid_valid("123e4567-e89b-12d3-a456-42661417400"));
	CHECK(!ys_uuid_valid("123e4567-e89b-12d3-a456-4266141740000"));
	CHECK(!ys_uuid_valid("123e4567ae89b-12d3-a456-426614174000"));
	CHECK(!ys_uuid_valid("123e4567-e89b-12d3-a456-42661417400g"));
	CHECK(!ys_uuid_valid(""));
	CHECK(!ys_uuid_valid(NULL));
}

static void t_util_strbuf(void)
{
	struct strbuf sb = {0};
	char *s;
	int i;

	sb_add(&sb, "议事");
	sb_addn(&sb, "厅xyz", 3);
	sb_addf(&sb, "%d-%03d", 2026, 17);
	CHECK_STR(sb.s, "议事厅2026-017");
	for (i = 0; i < 1000; i++)
		sb_add(&sb, "0123456789");
	CHECK_INT(sb.len, strlen("议事厅2026-017") + 10000);
	s = sb_steal(&sb);
	CHECK(sb.s == NULL && sb.len == 0);
	free(s);
	s = sb_steal(&sb);                          /* nothing added: "" */
	CHECK_STR(s, "");
	free(s);
	s = xasprintf("%s=%d", "n", 5);
	CHECK_STR(s, "n=5");
	free(s);
	s = xstrdup(NULL);
	CHECK_STR(s, "");
	free(s);
	CHECK(embedded_find("no/such/file.sql") == NULL);
	CHECK(embedded_find(NULL) == NULL);
}

int main(void)
{
	RUN(t_ambi_env);
	RUN(t_width_basic);
	RUN(t_width_ambiguous);
	RUN(t_decode_valid);
	RUN(t_decode_invalid);
	RUN(t_fit_pad_truncate);
	RUN(t_fit_controls);
	RUN(t_fit_ellipsis);
	RUN(t_fit_align);
	RUN(t_fit_always_exact);
	RUN(t_fit_buf);
	RUN(t_col_to_byte);
	RUN(t_wrap_basic);
	RUN(t_wrap_kinsoku);
	RUN(t_wrap_newlines);
	RUN(t_wrap_narrow);
	RUN(t_util_strlcpy);
	RUN(t_util_trim);
	RUN(t_util_uuid);
	RUN(t_util_strbuf);
	T_DONE();
}
