/* doc.c: a document as a list of typed blocks (doc.h).  The builders
 * (minutes_doc.c, notice_doc.c) fill it; the renderers (render_txt.c,
 * render_html.c, render_pdf.c) read it. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "base/util.h"

void doc_init(struct doc *d, int kind)
{
	memset(d, 0, sizeof *d);
	d->kind = kind;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->b[i].label);
		free(d->b[i].text);
	}
	free(d->b);
	free(d->title);
	free(d->number);
	free(d->footer);
	memset(d, 0, sizeof *d);
}

void doc_add(struct doc *d, int kind, const char *label, const char *text)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	b = &d->b[d->n++];
	b->kind = kind;
	b->label = label ? xstrdup(label) : NULL;
	b->text = xstrdup(text);          /* NULL becomes "" */
}

void doc_addf(struct doc *d, int kind, const char *label, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	doc_add(d, kind, label, s);
	free(s);
}
