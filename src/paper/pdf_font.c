/* pdf_font.c: the fonts a PDF is set in.  A font is a fontconfig family;
 * before anything is drawn the family is resolved and the font it gives
 * must have Chinese glyphs, else the next candidate is tried, else an
 * error -- never a PDF full of empty boxes. */
#include <fontconfig/fontconfig.h>

#include "paper/pdf_font.h"
#include "base/util.h"

#define DEFAULT_FONT   "Noto Serif CJK SC"
#define FONT_PACKAGE   "fonts-noto-cjk"

/* characters every document needs: 中文议事厅页共 and 。，「：  */
static const FcChar32 cjk_probe[] = {
	0x4E2D, 0x6587, 0x8BAE, 0x4E8B, 0x5385, 0x9875, 0x5171,
	0x3002, 0xFF0C, 0x300C, 0xFF1A,
};

/* The family fontconfig gives for `want` (asked for Chinese text) into
 * out, if that font has the Chinese glyphs; 0, or -1. */
static int font_resolve(const char *want, char *out, size_t outlen)
{
	FcPattern *pat, *m;
	FcResult res;
	FcCharSet *cs = NULL;
	FcChar8 *fam = NULL;
	int ok = 0;

	if (!want || !*want)
		return -1;
	pat = FcPatternCreate();
	if (!pat)
		return -1;
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)want);
	FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (!m)
		return -1;
	if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) == FcResultMatch &&
	    FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch && fam && *fam) {
		ok = 1;
		for (size_t i = 0; i < YS_ARRAY_LEN(cjk_probe); i++)
			if (!FcCharSetHasChar(cs, cjk_probe[i]))
				ok = 0;
		if (ok && ys_strlcpy(out, (const char *)fam, outlen) != 0)
			ok = 0;
	}
	FcPatternDestroy(m);
	return ok ? 0 : -1;
}

int pdf_font_pick(const char *want, char *out, size_t outlen,
                  char *err, size_t errlen)
{
	static const char *const fallback[] = { "Noto Sans CJK SC", "Noto Serif CJK" };

	if (!want || !*want)
		want = DEFAULT_FONT;
	if (font_resolve(want, out, outlen) == 0)
		return 0;
	for (size_t i = 0; i < YS_ARRAY_LEN(fallback); i++)
		if (font_resolve(fallback[i], out, outlen) == 0)
			return 0;
	ys_snprintf(err, errlen,
	            "找不到含中文字形的字体「%s」（也没有 Noto Sans CJK SC、Noto Serif CJK），"
	            "生成的 PDF 会全是方框，所以没有生成。请安装 %s 软件包"
	            "（sudo apt-get install %s），或在设置里指定已安装的中文字体。",
	            want, FONT_PACKAGE, FONT_PACKAGE);
	return -1;
}
