/* pager.c: a text of lines to scroll through — the help, a proposal's
 * dossier and a document's preview all show their text through it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"

void pager_set(struct pager *pg, struct strbuf *text)
{
	int i = 0;

	pager_free(pg);
	pg->text = *text;
	memset(text, 0, sizeof *text);
	if (!pg->text.s)
		sb_add(&pg->text, "");
	for (const char *p = pg->text.s; *p; p++)
		pg->nlines += *p == '\n';
	if (pg->text.len && pg->text.s[pg->text.len - 1] != '\n')
		pg->nlines++;
	pg->line = xcalloc((size_t)pg->nlines + 1, sizeof *pg->line);
	for (char *p = pg->text.s; *p && i < pg->nlines; i++) {
		char *e = strchr(p, '\n');
		pg->line[i] = p;
		if (!e)
			break;
		*e = '\0';
		p = e + 1;
	}
	if (pg->top > pg->nlines)
		pg->top = pg->nlines;
}

void pager_free(struct pager *pg)
{
	sb_free(&pg->text);
	free(pg->line);
	pg->line = NULL;
	pg->nlines = 0;
}

void pager_draw(struct pager *pg, int y, int x, int h, int w, int flags,
                int (*attr_of)(int i, const char *line))
{
	if (pg->top > pg->nlines - h)
		pg->top = pg->nlines - h > 0 ? pg->nlines - h : 0;
	for (int i = 0; i < h; i++) {
		int n = pg->top + i;
		if (n < pg->nlines)
			ui_put(y + i, x, w, pg->line[n], flags, attr_of ? attr_of(n, pg->line[n]) : UA_NORMAL);
		else
			ui_fill(y + i, x, w, UA_NORMAL);
	}
}

int pager_scroll(struct pager *pg, int action, int h)
{
	int last = pg->nlines - h > 0 ? pg->nlines - h : 0;

	switch (action) {
	case K_UP:   pg->top = pg->top > 0 ? pg->top - 1 : 0; break;
	case K_DOWN: pg->top = pg->top < last ? pg->top + 1 : last; break;
	case K_PGUP: pg->top = pg->top > h ? pg->top - h : 0; break;
	case K_PGDN: pg->top = pg->top + h < last ? pg->top + h : last; break;
	case K_HOME: pg->top = 0; break;
	case K_END:  pg->top = last; break;
	default:     return 0;
	}
	return 1;
}

int pager_key(int key)
{
	static const struct { int key, action; } keys[] = {
		{ KC(KEY_UP), K_UP }, { 'k', K_UP }, { KC(KEY_DOWN), K_DOWN }, { 'j', K_DOWN },
		{ KC(KEY_PPAGE), K_PGUP }, { KC(KEY_NPAGE), K_PGDN }, { ' ', K_PGDN },
		{ KC(KEY_HOME), K_HOME }, { 'g', K_HOME }, { KC(KEY_END), K_END }, { 'G', K_END },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(keys); i++)
		if (keys[i].key == key)
			return keys[i].action;
	return K_NONE;
}
