/* fuzz_doc.c: the document builders and the text and HTML renderers on
 * any text a clerk's record can hold (the input read as a document by
 * doc_input.h), the text at a width the input's size picks.  Nothing may
 * crash or overflow; the HTML must stay valid UTF-8.  The PDF renderer,
 * a hundred times slower, has its own target: fuzz_pdf. */
#include <stdint.h>
#include <stdlib.h>

#include "base/text.h"
#include "base/util.h"
#include "paper/doc.h"
#include "doc_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc d;
	struct strbuf sb = { 0 };

	doc_from_input(data, size, &d);
	render_txt(&d, 20 + (size % 80), &sb);
	if (!text_valid_utf8(sb.s ? sb.s : ""))
		abort();
	sb_free(&sb);
	render_html(&d, &sb);
	if (!text_valid_utf8(sb.s ? sb.s : ""))
		abort();
	sb_free(&sb);
	doc_free(&d);
	return 0;
}
