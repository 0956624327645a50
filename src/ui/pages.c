/* pages.c: a list read a page at a time with keyset queries (the meetings,
 * the notice board, search results): where each page began, kept on a
 * stack so that the way back is exact, and the moves between pages. */
#include <string.h>

#include "ui_int.h"
#include "base/util.h"

const char *pages_start(const struct pages *p)
{
	return p->depth > 0 ? p->start[p->depth - 1] : "";
}

void pages_reset(struct pages *p)
{
	p->depth = 0;
	p->cur = 0;
}

/* the next page, when a row follows the last one shown */
static int page_down(struct ui *u, struct pages *p)
{
	char key[PAGE_KEY];

	if (p->n == 0 || p->n < p->vis || p->depth >= PAGE_DEPTH)
		return 0;
	p->key_of(p->ctx, p->n - 1, key, sizeof key);
	if (!p->more_after(u, p->ctx, key))
		return 0;
	ys_strlcpy(p->start[p->depth], key, sizeof p->start[0]);
	p->depth++;
	p->load(u, p->ctx);
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
			p->load(u, p->ctx);
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
			p->load(u, p->ctx);
		}
		p->cur = 0;
		return 1;
	case K_HOME:
		pages_reset(p);
		p->load(u, p->ctx);
		return 1;
	}
	return 0;
}

/* rows that fit changed: read the page again */
void pages_fit(struct ui *u, struct pages *p, int vis, int max)
{
	if (vis > max)
		vis = max;
	if (vis < 1)
		vis = 1;
	if (vis != p->vis) {
		p->vis = vis;
		p->load(u, p->ctx);
	}
	if (p->cur >= p->n)
		p->cur = p->n ? p->n - 1 : 0;
}

/* a two-part key ("date\tnumber") apart, into a and b */
void pages_split(const char *key, char *a, size_t alen, char *b, size_t blen)
{
	const char *tab = strchr(key, '\t');
	size_t n = tab ? (size_t)(tab - key) : strlen(key);

	if (n >= alen)
		n = alen - 1;
	memcpy(a, key, n);
	a[n] = '\0';
	ys_strlcpy(b, tab ? tab + 1 : "", blen);
}
