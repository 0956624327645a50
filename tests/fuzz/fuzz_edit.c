/* fuzz_edit.c: the edit buffer every field, prompt and minute line types
 * into.  The input is both the text pasted into it first (as UTF-8, valid
 * or not) and the keys pressed after it: each later byte is one key (the
 * arrows, Home/End, word moves, Backspace/Delete, ^K/^U, up/down at a
 * width, or a character typed).  After every key the cursor stays inside
 * the text; at the end the multi-line layout, the cursor's place in it and
 * the single-line view at a width the input picks must agree with the
 * text, and the text must still be valid UTF-8.  (Every state a key leads
 * to is also the end state of a shorter input, so checking the layout at
 * the end checks it after every key across a run.) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/edbuf.h"
#include "base/text.h"
#include "base/util.h"

#define MAX_KEYS 256

static void check_layout(struct edbuf *e, int cols)
{
	struct edrow *rows = NULL;
	size_t n = edbuf_layout(e, cols, &rows), at = 0;
	int r, c, cur;
	char line[64 * 4 + 1];

	if (n < 1)
		abort();
	for (size_t i = 0; i < n; i++) {
		/* rows follow each other; only a newline lies between two */
		if (rows[i].start < at || rows[i].start + rows[i].len > e->len)
			abort();
		at = rows[i].start + rows[i].len;
	}
	free(rows);
	edbuf_cursor_pos(e, cols, &r, &c);
	if (r < 0 || (size_t)r >= n || c < 0 || (cols >= 2 && c >= cols))
		abort();
	edbuf_render_line(e, cols, line, sizeof line, &cur);
	if (cur < 0 || cur > cols || text_width(line) != cols)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xasprintf("%.*s", (int)size, (const char *)data);
	struct edbuf e;
	size_t keys = size > 2 ? size - 2 : 0;
	int cols = size > 1 ? 1 + data[1] % 64 : 20;

	edbuf_init(&e, size ? data[0] & 1 : 0, size ? (size_t)(data[0] >> 1) * 16 : 0);
	edbuf_insert_utf8(&e, s, strlen(s));
	if (keys > MAX_KEYS)
		keys = MAX_KEYS;
	for (size_t i = 2; i < 2 + keys; i++) {
		int w = 1 + data[i] % 50;
		switch (data[i] % 13) {
		case 0: edbuf_left(&e); break;
		case 1: edbuf_right(&e); break;
		case 2: edbuf_backspace(&e); break;
		case 3: edbuf_delete(&e); break;
		case 4: edbuf_home(&e); break;
		case 5: edbuf_end(&e); break;
		case 6: edbuf_up(&e, w); break;
		case 7: edbuf_down(&e, w); break;
		case 8: edbuf_word_left(&e); break;
		case 9: edbuf_word_right(&e); break;
		case 10: edbuf_kill_to_end(&e); break;
		case 11: edbuf_kill_to_start(&e); break;
		default: edbuf_insert(&e, (wchar_t)(data[i] * 251u)); break;
		}
		if (e.cur > e.len)
			abort();
	}
	check_layout(&e, cols);
	char *got = edbuf_get(&e);
	if (!text_valid_utf8(got))
		abort();
	free(got);
	edbuf_free(&e);
	free(s);
	return 0;
}
