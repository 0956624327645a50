/* render_txt.c: a doc as plain UTF-8 text wrapped at a number of display
 * columns with the Chinese line-breaking rules of text_wrap(): titles
 * centred, 落款 right-aligned, fields as "label：text" with the text's
 * continuation lines indented under the text. */
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "base/text.h"
#include "base/util.h"

enum align { AL_LEFT, AL_CENTER, AL_RIGHT };

struct emit {
	struct strbuf *out;
	int cols;
	int align;
	const char *first;      /* put before the first line ("label：") */
	int indent;             /* columns before every following line */
	int nlines;
};

static void spaces(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		sb_add(out, " ");
}

/* one wrapped line: aligned, trailing spaces dropped */
static void emit_line(const char *line, size_t nbytes, void *arg)
{
	struct emit *e = arg;
	char *s = xmalloc(nbytes + 1);
	size_t n = nbytes;
	int w;

	memcpy(s, line, nbytes);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	w = text_width(s);
	if (e->nlines == 0 && e->first) {
		sb_add(e->out, e->first);
	} else if (e->align == AL_LEFT && e->nlines > 0 && n) {
		spaces(e->out, e->indent);
	}
	if (n && e->align == AL_CENTER && w < e->cols)
		spaces(e->out, (e->cols - w) / 2);
	else if (n && e->align == AL_RIGHT && w < e->cols)
		spaces(e->out, e->cols - w);
	sb_add(e->out, s);
	sb_add(e->out, "\n");
	e->nlines++;
	free(s);
}

static void wrap(struct strbuf *out, const char *text, int cols, int align,
                 const char *first, int indent)
{
	struct emit e = { out, cols, align, first, indent, 0 };

	text_wrap(text, cols < 1 ? 1 : cols, emit_line, &e);
}

/* B_PARA: each line of the text a paragraph, the first line of each
 * indented by two characters */
static void para(struct strbuf *out, const char *text, int cols)
{
	const char *p = text;

	do {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *s = xmalloc(n + 5);

		memcpy(s, "    ", 4);
		memcpy(s + 4, p, n);
		s[n + 4] = '\0';
		wrap(out, s, cols, AL_LEFT, NULL, 0);
		free(s);
		p += n;
		if (*p == '\n')
			p++;
	} while (*p);
}

static void field(struct strbuf *out, const char *label, const char *text, int cols)
{
	char *first = xasprintf("%s：", label);
	int lw = text_width(first);

	if (!*label) {
		wrap(out, text, cols, AL_LEFT, NULL, 0);
	} else if (cols - lw >= 8 && lw <= cols / 2) {
		wrap(out, text, cols - lw, AL_LEFT, first, lw);
	} else {
		/* a label too wide to indent under: wrap the whole */
		char *all = xasprintf("%s%s", first, text);
		wrap(out, all, cols, AL_LEFT, NULL, 0);
		free(all);
	}
	free(first);
}

static void sign(struct strbuf *out, const char *label, const char *text, int cols)
{
	struct strbuf s = {0};
	int w, u;

	if (label && *label)
		sb_addf(&s, "%s：", label);
	sb_add(&s, text);
	w = text_width(s.s);
	u = cols - w;
	if (u > (w ? 24 : 60))
		u = w ? 24 : 60;
	if (u < 6)
		u = 6;
	for (int i = 0; i < u; i++)
		sb_add(&s, "_");
	if (text_width(s.s) > cols)
		wrap(out, s.s, cols, AL_LEFT, NULL, 0);
	else {
		sb_add(out, s.s);
		sb_add(out, "\n");
	}
	sb_add(out, "\n");          /* room to sign */
	sb_free(&s);
}

/* 1 if out ends with an empty line (or is empty) */
static int at_blank(const struct strbuf *out)
{
	return out->len == 0 || (out->len >= 2 && out->s[out->len - 1] == '\n' &&
	                         out->s[out->len - 2] == '\n');
}

void render_txt(const struct doc *d, int cols, struct strbuf *out)
{
	if (cols < 8)
		cols = 8;
	sb_add(out, "");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		const char *t = b->text ? b->text : "";

		switch (b->kind) {
		case B_TITLE:
		case B_SUBTITLE:
			wrap(out, t, cols, AL_CENTER, NULL, 0);
			if (i + 1 < d->n && d->b[i + 1].kind != B_TITLE &&
			    d->b[i + 1].kind != B_SUBTITLE && d->b[i + 1].kind != B_SPACE)
				sb_add(out, "\n");
			break;
		case B_HEADING:
			if (!at_blank(out))
				sb_add(out, "\n");
			wrap(out, t, cols, AL_LEFT, NULL, 0);
			break;
		case B_FIELD:
			field(out, b->label ? b->label : "", t, cols);
			break;
		case B_PARA:
			para(out, t, cols);
			break;
		case B_RIGHT:
			wrap(out, t, cols, AL_RIGHT, NULL, 0);
			break;
		case B_CENTER:
			wrap(out, t, cols, AL_CENTER, NULL, 0);
			break;
		case B_SIGN:
			sign(out, b->label, t, cols);
			break;
		case B_SPACE:
			sb_add(out, "\n");
			break;
		case B_PAGEBREAK:
			sb_add(out, "\f\n");
			break;
		case B_LINE:
		default:
			wrap(out, t, cols, AL_LEFT, NULL, 0);
			break;
		}
	}
	if (d->footer && *d->footer) {
		if (!at_blank(out))
			sb_add(out, "\n");
		wrap(out, d->footer, cols, AL_LEFT, NULL, 0);
	}
}
