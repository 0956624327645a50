/* fuzz_text.c: whatever a clerk can type or paste, and whatever a file can
 * hold, through the text functions: the edit buffer (every editing key,
 * driven by the input's bytes), fitting and wrapping to columns, the
 * escaping for HTML, the date, time and count parsers.  Nothing may crash,
 * read out of bounds or overflow; the results must stay consistent (a
 * fitted text is exactly as wide as asked, a wrapped line no wider). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"
#include "model/core.h"
#include "paper/doc.h"

struct wrap_check {
	int cols, bad;
};

static void wrap_cb(const char *line, size_t n, void *arg)
{
	struct wrap_check *w = arg;
	char *s = xasprintf("%.*s", (int)n, line);

	/* no character is wider than 2 columns: from 2 on, every line fits */
	if (text_width(s) > w->cols && w->cols >= 2)
		w->bad = 1;
	free(s);
}

static void edit(const uint8_t *d, size_t n, const char *s)
{
	struct edbuf e;
	struct edrow *rows = NULL;
	char line[512];
	int cur, r, c;

	edbuf_init(&e, n ? d[0] & 1 : 0, n > 1 ? d[1] : 0);
	edbuf_insert_utf8(&e, s, strlen(s));
	for (size_t i = 2; i < n && i < 64; i++) {
		int cols = 1 + d[i] % 50;
		switch (d[i] % 13) {
		case 0: edbuf_left(&e); break;
		case 1: edbuf_right(&e); break;
		case 2: edbuf_backspace(&e); break;
		case 3: edbuf_delete(&e); break;
		case 4: edbuf_home(&e); break;
		case 5: edbuf_end(&e); break;
		case 6: edbuf_up(&e, cols); break;
		case 7: edbuf_down(&e, cols); break;
		case 8: edbuf_word_left(&e); break;
		case 9: edbuf_word_right(&e); break;
		case 10: edbuf_kill_to_end(&e); break;
		case 11: edbuf_kill_to_start(&e); break;
		default: edbuf_insert(&e, (wchar_t)(d[i] * 251u)); break;
		}
		if (e.cur > e.len)
			abort();
		edbuf_cursor_pos(&e, cols, &r, &c);
		free(rows);
		rows = NULL;
		edbuf_layout(&e, cols, &rows);
		edbuf_render_line(&e, cols, line, sizeof line, &cur);
	}
	free(rows);
	char *got = edbuf_get(&e);
	if (!text_valid_utf8(got))
		abort();
	free(got);
	edbuf_free(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct strbuf sb = { 0 };
	struct tm tm;
	int hh, mm, v;
	char err[256];

	memcpy(s, data, size);
	s[size] = '\0';
	text_width(s);
	text_chars(s);
	for (int cols = 1; cols < 30; cols += 3) {
		char *f = text_fit(s, cols, cols % 2 ? TEXT_ELLIPSIS : TEXT_CENTER);
		if (text_width(f) != cols && !(cols == 1 && text_width(f) <= 2))
			abort();
		free(f);
		struct wrap_check w = { cols, 0 };
		text_wrap(s, cols, wrap_cb, &w);
		if (w.bad)
			abort();
	}
	html_escape(s, &sb);
	if (!text_valid_utf8(sb.s))
		abort();
	sb_free(&sb);
	ys_parse_date(s, &tm);
	ys_parse_time(s, &hh, &mm);
	ys_parse_stamp(s);
	parse_count_in(s, 1, 5000, &v, err, sizeof err);
	edit(data, size, s);
	free(s);
	return 0;
}
