/* fuzz_doc.c: the document builders and renderers on any text a clerk's
 * record can hold: each line of the input is one block (its first byte
 * picks the kind: titles, fields, paragraphs, the 落款, tables with their
 * rows, cut lines, page breaks), rendered as text, HTML and (for the first
 * inputs of a run and every 64th, being slower) PDF.  Nothing may crash or
 * overflow; the HTML must stay valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "base/text.h"
#include "base/util.h"
#include "paper/doc.h"

/* as in test_pdf.c: fontconfig's and cairo's caches are let go at exit,
 * and cairo's one known leak (no frame pointers: unwound slowly) is not
 * the program's */
const char *__lsan_default_suppressions(void);
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}
const char *__lsan_default_suppressions(void)
{
	return "leak:cairo_surface_finish\n";
}

static void caches_done(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned runs;
	static char pdf[256];
	char *s = xasprintf("%.*s", (int)size, (const char *)data), *line, *save = NULL;
	struct doc d;
	struct strbuf sb = { 0 };
	char err[512];
	int kind = size ? 1 + data[0] % 8 : DOC_NOTICE;

	doc_init(&d, kind);
	d.title = xstrdup("议事厅");
	d.footer = size > 1 && data[1] & 1 ? xstrdup("签字确认 2026-11-22 14:05  SM3 0123456789abcdef") : NULL;
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned char k = (unsigned char)line[0];
		const char *text = line[0] ? line + 1 : line;

		switch (k % 16) {
		case 0: doc_add(&d, B_TITLE, NULL, text); break;
		case 1: doc_add(&d, B_SUBTITLE, NULL, text); break;
		case 2: doc_add(&d, B_HEADING, NULL, text); break;
		case 3: doc_add(&d, B_FIELD, "标签", text); break;
		case 4: doc_add(&d, B_PARA, NULL, text); break;
		case 5: doc_add(&d, B_LINE, NULL, text); break;
		case 6: doc_add(&d, B_RIGHT, NULL, text); break;
		case 7: doc_add(&d, B_CENTER, NULL, text); break;
		case 8: doc_add(&d, B_SIGN, text, ""); break;
		case 9: doc_add(&d, B_SPACE, NULL, ""); break;
		case 10: doc_add(&d, B_PAGEBREAK, NULL, ""); break;
		case 11: {
			const char *head[] = { "序号", text, "签名" };
			doc_table(&d, 1 + k % 3, NULL, k % 20, k & 5, head);
			break;
		}
		case 12: {
			const char *cells[] = { text, text, text, text };
			doc_row(&d, 1 + k % 4, cells);
			break;
		}
		case 13: doc_add(&d, B_CUT, NULL, ""); break;
		case 14: doc_add(&d, B_FIELD, text, text); break;
		default: doc_add(&d, B_ROW, NULL, text); break;
		}
	}
	render_txt(&d, 20 + (size % 80), &sb);
	sb_free(&sb);
	render_html(&d, &sb);
	if (!text_valid_utf8(sb.s ? sb.s : ""))
		abort();
	sb_free(&sb);
	if (runs++ < 16 || runs % 64 == 0) {
		if (!pdf[0])
			atexit(caches_done);
		if (!pdf[0])
			snprintf(pdf, sizeof pdf, "%s/ys-fuzz-doc-%d.pdf",
			         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
		render_pdf(&d, NULL, pdf, err, sizeof err);
		unlink(pdf);
	}
	doc_free(&d);
	free(s);
	return 0;
}
