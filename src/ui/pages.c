/* pages.c: a list read a page at a time with keyset queries (the meetings,
 * the notice board, search results): reading a page, where each page
 * began, kept on a stack so that the way back is exact, and the moves
 * between pages.  The screen says how to read a page and a row's key. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"

static const struct page_key first_page;

static const struct page_key *page_start(const struct pages *p)
{
	return p->depth > 0 ? &p->start[p->depth - 1] : &first_page;
}

void *pages_row(const struct pages *p, int i)
{
	return (unsigned char *)p->rows + (size_t)i * p->def->size;
}

void pages_clear(struct pages *p)
{
	for (int i = 0; p->def->clear && i < p->n; i++)
		p->def->clear(pages_row(p, i));
	p->n = 0;
}

void pages_load(struct ui *u, struct pages *p)
{
	int vis = p->vis > 0 && p->vis <= p->def->max ? p->vis : p->def->max;

	pages_clear(p);
	p->n = p->def->read(u, p->ctx, page_start(p), p->rows, vis);
	if (p->n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		p->n = 0;
	}
	if (p->def->loaded)
		p->def->loaded(u, p->ctx);
	if (p->cur >= p->n)
		p->cur = p->n ? p->n - 1 : 0;
}

void pages_reset(struct pages *p)
{
	p->depth = 0;
	p->cur = 0;
}

/* the key of row i: its ordering columns */
static void page_key_of(const struct pages *p, int i, struct page_key *k)
{
	const char *row = pages_row(p, i);
	ys_strlcpy(k->a, row + p->def->key[0], sizeof k->a);
	ys_strlcpy(k->b, p->def->nkeys > 1 ? row + p->def->key[1] : "", sizeof k->b);
}

/* the next page, when a row follows the last one shown */
static int page_down(struct ui *u, struct pages *p)
{
	struct page_key key;
	void *next;
	int more;

	if (p->n == 0 || p->n < p->vis || p->depth >= PAGE_DEPTH)
		return 0;
	page_key_of(p, p->n - 1, &key);
	next = xcalloc(1, p->def->size);
	more = p->def->read(u, p->ctx, &key, next, 1) == 1;
	if (more && p->def->clear)
		p->def->clear(next);
	free(next);
	if (!more)
		return 0;
	p->start[p->depth] = key;
	p->depth++;
	pages_load(u, p);
	p->cur = 0;
	return 1;
}

int pages_move(struct ui *u, struct pages *p, int action)
{
	switch (action) {
	case K_UP:
		if (p->cur > 0) {
			p->cur--;
		} else if (p->depth > 0) {
			p->depth--;
			pages_load(u, p);
			p->cur = p->n ? p->n - 1 : 0;
		}
		return 1;
	case K_DOWN:
		if (p->cur < p->n - 1)
			p->cur++;
		else
			page_down(u, p);
		return 1;
	case K_PGDN:
		if (!page_down(u, p))
			p->cur = p->n ? p->n - 1 : 0;
		return 1;
	case K_PGUP:
		if (p->depth > 0) {
			p->depth--;
			pages_load(u, p);
		}
		p->cur = 0;
		return 1;
	case K_HOME:
		pages_reset(p);
		pages_load(u, p);
		return 1;
	}
	return 0;
}

void pages_fit(struct ui *u, struct pages *p, int vis)
{
	if (vis > p->def->max)
		vis = p->def->max;
	if (vis < 1)
		vis = 1;
	if (vis != p->vis) {
		p->vis = vis;
		pages_load(u, p);
	}
	if (p->cur >= p->n)
		p->cur = p->n ? p->n - 1 : 0;
}
