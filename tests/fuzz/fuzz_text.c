/* fuzz_text.c: whatever a clerk can type or paste, and whatever a file can
 * hold, through the text functions: UTF-8 decoding and display width,
 * fitting and wrapping to columns (their widths picked by the input's
 * first bytes), the escaping for HTML, the date, time and count parsers.
 * Nothing may crash, read out of bounds or overflow; the results must stay
 * consistent (a fitted text is exactly as wide as asked, a wrapped line no
 * wider).  The edit buffer has its own target, fuzz_edit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
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
	/* two widths a run: every width from 1 to 64 is reached by inputs
	 * differing in their first two bytes */
	for (int k = 0; k < 2; k++) {
		int cols = 1 + (size > (size_t)k ? data[k] % 64 : 20);
		char *f = text_fit(s, cols, size && data[0] & 1 ? TEXT_ELLIPSIS : TEXT_CENTER);
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
	free(s);
	return 0;
}
