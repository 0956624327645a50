/* pdf_sanitizer.h: for a test program that makes PDFs under the
 * sanitizers (test_pdf, fuzz_pdf): include it in one file of the program.
 *
 * cairo 1.16 (Debian 12) loses 768 bytes per embedded font subset inside
 * cairo_surface_finish() of a PDF surface, in every PDF with text, ours or
 * not (a ten-line program that shows one string leaks the same).  Tell
 * LeakSanitizer about that one place; any other leak still fails.  libcairo
 * has no frame pointers, so allocations are unwound slowly for the stack to
 * reach cairo_surface_finish (a long fuzzing run, which does not look for
 * leaks, sets fast_unwind_on_malloc=1 in ASAN_OPTIONS, which wins).  These
 * hooks are only called in a sanitizer build. */
#ifndef YS_PDF_SANITIZER_H
#define YS_PDF_SANITIZER_H

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

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

/* let LeakSanitizer see only our own allocations: drop the caches pango,
 * cairo and fontconfig keep for the life of the process (at its end) */
static inline void pdf_caches_done(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

#endif
