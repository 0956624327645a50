/* fuzz_pdf.c: the PDF renderer (pango and cairo, with the program's font)
 * on any document the input makes (read by doc_input.h as fuzz_doc reads
 * it): line breaking, tables split over pages, the 落款 and the sealed
 * footer.  Nothing may crash or overflow; a refusal is fine. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/util.h"
#include "paper/doc.h"
#include "doc_input.h"
#include "../unit/pdf_sanitizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char pdf[256];
	struct doc d;
	char err[512];

	if (!pdf[0]) {
		atexit(pdf_caches_done);
		snprintf(pdf, sizeof pdf, "%s/ys-fuzz-pdf-%d.pdf",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
	}
	doc_from_input(data, size, &d);
	render_pdf(&d, NULL, pdf, err, sizeof err);
	unlink(pdf);
	doc_free(&d);
	return 0;
}
