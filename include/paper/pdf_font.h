/* pdf_font.h: choosing the fonts a PDF is set in (pdf_font.c). */
#ifndef YS_PDF_FONT_H
#define YS_PDF_FONT_H

#include <stddef.h>

/* The fontconfig family for `want` (NULL or "" for the default, Noto Serif
 * CJK SC) into out, if its font has the Chinese glyphs every paper needs,
 * else the first fallback that has them; 0, or -1 with a message in err
 * saying which package to install. */
int pdf_font_pick(const char *want, char *out, size_t outlen,
                  char *err, size_t errlen);

#endif
