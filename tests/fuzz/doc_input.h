/* doc_input.h: how fuzz_doc and fuzz_pdf read their input as a document:
 * the first byte picks the kind, the second whether a sealed footer is
 * printed; each line is one block, its first byte picking what (titles,
 * fields, paragraphs, the 落款, tables with their rows, cut lines, page
 * breaks) and the rest its text.  Include in one file of the target. */
#ifndef YS_FUZZ_DOC_INPUT_H
#define YS_FUZZ_DOC_INPUT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "paper/doc.h"

static void doc_from_input(const uint8_t *data, size_t size, struct doc *d)
{
	char *s = xasprintf("%.*s", (int)size, (const char *)data), *line, *save = NULL;
	int kind = size ? 1 + data[0] % 8 : DOC_NOTICE;

	doc_init(d, kind);
	d->title = xstrdup("议事厅");
	d->footer = size > 1 && data[1] & 1 ? xstrdup("签字确认 2026-11-22 14:05  SM3 0123456789abcdef") : NULL;
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned char k = (unsigned char)line[0];
		const char *text = line[0] ? line + 1 : line;

		switch (k % 16) {
		case 0: doc_add(d, B_TITLE, NULL, text); break;
		case 1: doc_add(d, B_SUBTITLE, NULL, text); break;
		case 2: doc_add(d, B_HEADING, NULL, text); break;
		case 3: doc_add(d, B_FIELD, "标签", text); break;
		case 4: doc_add(d, B_PARA, NULL, text); break;
		case 5: doc_add(d, B_LINE, NULL, text); break;
		case 6: doc_add(d, B_RIGHT, NULL, text); break;
		case 7: doc_add(d, B_CENTER, NULL, text); break;
		case 8: doc_add(d, B_SIGN, text, ""); break;
		case 9: doc_add(d, B_SPACE, NULL, ""); break;
		case 10: doc_add(d, B_PAGEBREAK, NULL, ""); break;
		case 11: {
			const char *head[] = { "序号", text, "签名" };
			doc_table(d, 1 + k % 3, NULL, k % 20, k & 5, head);
			break;
		}
		case 12: {
			const char *cells[] = { text, text, text, text };
			doc_row(d, 1 + k % 4, cells);
			break;
		}
		case 13: doc_add(d, B_CUT, NULL, ""); break;
		case 14: doc_add(d, B_FIELD, text, text); break;
		default: doc_add(d, B_ROW, NULL, text); break;
		}
	}
	free(s);
}

#endif
