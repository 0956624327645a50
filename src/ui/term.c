/* term.c: the terminal — colours or monochrome from one table of
 * attributes, and reading keys (wide characters, bracketed paste, resize). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"

/* ---- input --------------------------------------------------------------- */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/* One character from the terminal, as get_wch() gives it: KEY_CODE_YES
 * and a key code, or OK and a character.  The UTF-8 is decoded here, not
 * by curses: curses' own decoding returns ERR for good after one invalid
 * byte, and no key would work again.  A byte that cannot begin a
 * character, a sequence cut short (the next byte is pushed back and read
 * as itself) and an overlong or surrogate form are each read as U+FFFD,
 * and reading goes on. */
static int read_char(wint_t *out)
{
	char buf[4];
	int c = getch(), need, n = 1;
	wchar_t wc;

	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN) {
		*out = (wint_t)c;
		return KEY_CODE_YES;
	}
	buf[0] = (char)c;
	need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
	     : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
	if (need < 0) {
		*out = 0xFFFD;
		return OK;
	}
	for (; n <= need; n++) {
		int b = getch();

		if (b == ERR || b >= KEY_MIN || (b & 0xC0) != 0x80) {
			if (b != ERR)
				ungetch(b);
			*out = 0xFFFD;
			return OK;
		}
		buf[n] = (char)b;
	}
	/* text_decode refuses overlong forms, surrogates and > U+10FFFF */
	if (text_decode(buf, (size_t)n, &wc) != (size_t)n)
		wc = 0xFFFD;
	*out = (wint_t)wc;
	return OK;
}

/* After an Esc: was it the Esc key, or the start of a key ncurses does not
 * know (Alt+key, some Shift+F-keys, a terminal's private sequence)?  Those
 * arrive as one burst, so whatever is already waiting belongs to it: read
 * it all (a CSI or SS3 sequence up to its final byte, or the one character
 * after the Esc) so that none of it is taken for typing or for an answer to
 * 「放弃？」.  A person's Esc stands alone: 0; a burst: 1. */
static int escape_tail(void)
{
	int c, n = 0;

	nodelay(stdscr, TRUE);
	c = getch();
	if (c == ERR) {
		nodelay(stdscr, FALSE);
		return 0;
	}
	if (c == 27)            /* Alt+Esc, or Esc before a sequence */
		c = getch();
	if (c == '[' || c == 'O') {
		/* parameters and intermediates (0x20–0x3F), then the final byte;
		 * for SS3 the final byte comes at once */
		while ((c = getch()) != ERR && c < KEY_MIN && c >= 0x20 && c < 0x40 && ++n < 64)
			;
		if (c != ERR && (c >= KEY_MIN || c < 0x20 || c > 0x7E))
			ungetch(c);
	} else if (c >= 0xC2 && c <= 0xF4) {
		/* Alt with a character beyond ASCII: its continuation bytes */
		int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		while (need-- > 0 && (c = getch()) != ERR) {
			if (c >= KEY_MIN || (c & 0xC0) != 0x80) {
				ungetch(c);
				break;
			}
		}
	}
	nodelay(stdscr, FALSE);
	return 1;
}

int ui_getkey(struct ui *u, char **paste)
{
	wint_t wc;
	int r;
	for (;;) {
		r = read_char(&wc);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			getmaxyx(stdscr, u->rows, u->cols);
			return KC(KEY_RESIZE);
		}
		if (r == KEY_CODE_YES && wc == KEY_PASTE_BEGIN) {
			/* collect until the end marker; CR and CRLF are newlines */
			struct strbuf sb = { 0 };
			char buf[8];
			sb_add(&sb, "");
			for (;;) {
				r = read_char(&wc);
				if (r == ERR)
					continue;
				if (r == KEY_CODE_YES) {
					if (wc == KEY_PASTE_END)
						break;
					continue;
				}
				if (wc == '\r')
					wc = '\n';
				size_t n = text_encode((wchar_t)wc, buf);
				sb_addn(&sb, buf, n);
			}
			if (paste) {
				*paste = sb_steal(&sb);
				return UI_KEY_PASTE;
			}
			sb_free(&sb);
			continue;
		}
		if (r == KEY_CODE_YES)
			return KC((int)wc);
		if (wc == 27 && escape_tail())
			return UI_KEY_UNKNOWN;
		return (int)wc;
	}
}

static const struct { int fg, bg, mono; } attr_table[UA_COUNT] = {
	[UA_NORMAL] = { -1, -1, A_NORMAL },
	[UA_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE | A_BOLD },
	[UA_TAB] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[UA_TAB_ON] = { COLOR_YELLOW, COLOR_BLUE, A_BOLD },
	[UA_SEL] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
	[UA_HEAD] = { COLOR_CYAN, -1, A_BOLD | A_UNDERLINE },
	[UA_ERR] = { COLOR_RED, -1, A_BOLD },
	[UA_OK] = { COLOR_GREEN, -1, A_BOLD },
	[UA_WARN] = { COLOR_YELLOW, -1, A_BOLD },
	[UA_DIM] = { COLOR_BLUE, -1, A_DIM },
	[UA_KEY] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
	[UA_FIELD] = { COLOR_WHITE, COLOR_BLACK, A_UNDERLINE },
	[UA_FIELD_ON] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE },
	[UA_YES] = { COLOR_BLACK, COLOR_GREEN, A_REVERSE },
	[UA_NO] = { COLOR_BLACK, COLOR_RED, A_REVERSE },
	[UA_ABSTAIN] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
	[UA_NONE_VOTED] = { COLOR_BLACK, COLOR_WHITE, A_REVERSE },
	[UA_BANNER] = { COLOR_WHITE, COLOR_RED, A_BOLD },
};
static int ui_color_on;

int ui_attr(int which)
{
	if (which < 0 || which >= UA_COUNT)
		return A_NORMAL;
	if (!ui_color_on)
		return attr_table[which].mono;
	if (which == UA_NORMAL)
		return A_NORMAL;
	int a = COLOR_PAIR(which);
	if (which == UA_TITLE || which == UA_ERR || which == UA_OK || which == UA_WARN
	    || which == UA_TAB_ON || which == UA_HEAD || which == UA_BANNER)
		a |= A_BOLD;
	return a;
}

static void init_colors(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");
	ui_color_on = 0;
	if ((nc && *nc) || !has_colors() || u->color == 0)
		return;
	start_color();
	use_default_colors();
	for (int i = 1; i < UA_COUNT; i++)
		init_pair((short)i, (short)attr_table[i].fg, (short)attr_table[i].bg);
	ui_color_on = 1;
}


/* A terminal the screen can be drawn on: one whose type the system knows
 * and which can move the cursor (TERM=dumb, an editor's shell buffer and
 * some serial consoles cannot: everything would be written on one line).
 * Else the reason and what to do, and -1. */
static int term_usable(void)
{
	const char *t = getenv("TERM");
	int err = 0;
	char *cup;

	if (!t || !*t) {
		fprintf(stderr, "没有设置终端类型（TERM），无法全屏显示。请在终端里运行，"
		        "或设置 TERM=xterm-256color。\n命令行的 export、verify、backup 等不需要全屏。\n");
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, "系统不认识终端类型 TERM=%s（缺少它的 terminfo 描述），无法全屏显示。"
		        "请设置 TERM=xterm-256color 后再运行，或安装 ncurses-term。\n", t);
		return -1;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (!cup || cup == (char *)-1) {
		fprintf(stderr, "终端类型 TERM=%s 不能移动光标，无法全屏显示。请在 xterm、GNOME 终端、"
		        "PuTTY 等终端里运行（TERM=xterm-256color）。\n"
		        "命令行的 export、verify、backup 等不需要全屏。\n", t);
		return -1;
	}
	return 0;
}

int ui_term_start(struct ui *u)
{
	set_escdelay(50);
	if (term_usable() != 0)
		return -1;
	/* newterm, not initscr: a failure comes back here instead of ending
	 * the program with ncurses' own English message */
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "无法初始化终端（TERM=%s）。\n", getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	raw();                 /* ^S, ^C and ^Q reach the program */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	init_colors(u);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	/* Home and End as the terminals in use send them, whatever TERM's entry
	 * names (xterm's entry knows only \033OH/\033OF and \033[H/\033[F; under
	 * tmux or screen, or over PuTTY, they come as \033[1~ \033[4~ or the rxvt
	 * \033[7~ \033[8~): else they were read as Esc and then 「4」 */
	static const struct { const char *seq; int key; } home_end[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(home_end); i++)
		if (key_defined(home_end[i].seq) == 0)
			define_key(home_end[i].seq, home_end[i].key);
	printf("\033[?2004h");  /* bracketed paste: a pasted block arrives whole */
	fflush(stdout);
	getmaxyx(stdscr, u->rows, u->cols);
	return 0;
}

void ui_term_end(void)
{
	printf("\033[?2004l");
	fflush(stdout);
	endwin();
}
