/* search.c: 检索 — one / on any screen finds proposals, the lines of the
 * minutes, notices, 民情日记 entries, 手记 and people (store_search), the
 * results grouped by kind with where each matched; Enter opens the record
 * where it lives: a proposal's dossier, the meeting's minutes at that line,
 * the notice, the person in the roster.  The kind of the screen the search
 * came from is listed first. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "live.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define STR_SEARCH_PER_KIND STR(SEARCH_PER_KIND)

/* a line of the results: a group's heading (hit < 0) or a hit */
struct sr_line {
	int hit;                 /* index into hits, -1 for a heading */
	int kind;                /* index into search_kinds */
	int count;               /* a heading: the hits of its kind */
};

struct results {
	char q[256];
	struct search_hit *hits;
	int nhits;
	unsigned more;            /* bit k: kind k has more than listed */
	struct sr_line *line;
	int nlines;
	int cur, top;            /* the selected line (a hit), the first shown */
};

/* which kind the search from a screen lists first */
static const struct { int screen; const char *kind; } first_kind[] = {
	{ SCR_MEETINGS, "meeting" }, { SCR_LIVE, "minute" }, { SCR_ROSTER, "person" },
	{ SCR_NOTICES, "notice" }, { SCR_DIARY, "diary" }, { SCR_NOTES, "note" },
};

static void group(struct results *r, int screen)
{
	int order[16], n = 0, first = -1;

	for (size_t i = 0; i < YS_ARRAY_LEN(first_kind); i++)
		if (first_kind[i].screen == screen)
			first = search_kind_index(first_kind[i].kind);
	if (first >= 0)
		order[n++] = first;
	for (int k = 0; k < (int)search_kind_count && n < 16; k++)
		if (k != first)
			order[n++] = k;
	r->line = xcalloc((size_t)(r->nhits + n) + 1, sizeof *r->line);
	r->nlines = 0;
	for (int o = 0; o < n; o++) {
		int k = order[o], count = 0;

		for (int i = 0; i < r->nhits; i++)
			count += search_kind_index(r->hits[i].kind) == k;
		if (count == 0)
			continue;
		r->line[r->nlines++] = (struct sr_line){ -1, k, count };
		for (int i = 0; i < r->nhits; i++)
			if (search_kind_index(r->hits[i].kind) == k)
				r->line[r->nlines++] = (struct sr_line){ i, k, 0 };
	}
	r->cur = r->nlines > 1 ? 1 : 0;
}

/* the text around the query's first word in s */
static void snippet(const char *s, const char *q, char *out, size_t len)
{
	char word[128];
	size_t n = 0;

	while (*q == ' ')
		q++;
	while (q[n] && q[n] != ' ' && n + 1 < sizeof word) {
		word[n] = q[n];
		n++;
	}
	word[n] = '\0';
	text_around(s, word, 8, out, len);
}

/* ---- each kind: its line in the results, where Enter takes it ----------- */

static void line_proposal(const struct search_hit *h, const char *day, const char *snip,
                          char *buf, size_t len)
{
	int step = h->sub % 100, status = h->sub / 100;

	(void)day;
	snprintf(buf, len, "%s  [%s]  %s", h->title, status ? pstatus_name(status) : step_long_name(step),
	         snip);
}

static void line_minute(const struct search_hit *h, const char *day, const char *snip,
                        char *buf, size_t len)
{
	snprintf(buf, len, "%s %s  %s：%s", day, h->where, h->title, snip);
}

static void line_person(const struct search_hit *h, const char *day, const char *snip,
                        char *buf, size_t len)
{
	(void)day;
	snprintf(buf, len, "%s%s  %s", h->title, h->sub ? "" : "（已停用）", snip);
}

static void line_dated(const struct search_hit *h, const char *day, const char *snip,
                       char *buf, size_t len)
{
	snprintf(buf, len, "%s  %s  %s", h->title, day, snip);
}

static void line_meeting(const struct search_hit *h, const char *day, const char *snip,
                         char *buf, size_t len)
{
	const struct meeting_kind_def *k = meeting_kind_get(h->sub);

	snprintf(buf, len, "%s  %s  %s  %s", h->title, k ? k->name : "", day, snip);
}

static void line_chronicle(const struct search_hit *h, const char *day, const char *snip,
                           char *buf, size_t len)
{
	(void)h;
	snprintf(buf, len, "%s  %s", day, snip);
}

static void line_diary(const struct search_hit *h, const char *day, const char *snip,
                       char *buf, size_t len)
{
	snprintf(buf, len, "%s  %s  [%s]  %s", h->title, day, h->sub ? "已答复" : "待答复", snip);
}

static void open_proposal(struct ui *u, const struct search_hit *h)
{
	snprintf(u->proposal_id, sizeof u->proposal_id, "%s", h->ref);
	ui_goto(u, SCR_DOSSIER);
}

static void open_minute(struct ui *u, const struct search_hit *h)
{
	snprintf(u->meeting_id, sizeof u->meeting_id, "%s", h->target);
	ui_goto(u, SCR_LIVE);
	ui_live_show_minute(u, h->sub);
}

static void open_notice(struct ui *u, const struct search_hit *h)
{
	ui_preview_notice(u, h->ref, 0);
}

static void open_person(struct ui *u, const struct search_hit *h)
{
	ui_roster_show(u, h->ref);
}

static void open_diary(struct ui *u, const struct search_hit *h)
{
	ui_diary_show(u, h->ref);
}

static void open_note(struct ui *u, const struct search_hit *h)
{
	ui_notes_show(u, h->ref, h->date);
}

static void open_meeting(struct ui *u, const struct search_hit *h)
{
	snprintf(u->meeting_id, sizeof u->meeting_id, "%s", h->ref);
	ui_goto(u, SCR_LIVE);
}

static void open_chronicle(struct ui *u, const struct search_hit *h)
{
	ui_chronicle_show(u, h->ref, h->date);
}

static const struct {
	const char *kind;
	void (*line)(const struct search_hit *h, const char *day, const char *snip, char *buf, size_t len);
	void (*open)(struct ui *u, const struct search_hit *h);
} kinds[] = {
	{ "proposal", line_proposal, open_proposal },
	{ "minute", line_minute, open_minute },
	{ "notice", line_dated, open_notice },
	{ "person", line_person, open_person },
	{ "diary", line_diary, open_diary },
	{ "note", line_dated, open_note },
	{ "meeting", line_meeting, open_meeting },
	{ "chronicle", line_chronicle, open_chronicle },
};

static int kind_of(const struct search_hit *h)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].kind, h->kind) == 0)
			return (int)i;
	return -1;
}

static void hit_line(const struct search_hit *h, const char *q, char *buf, size_t len)
{
	char snip[600], day[32] = "";
	int k = kind_of(h);

	snippet(h->text ? h->text : "", q, snip, sizeof snip);
	if (h->date[0])
		ys_cn_date_any(h->date, day);
	if (k >= 0)
		kinds[k].line(h, day, snip, buf, len);
	else
		line_dated(h, day, snip, buf, len);
}

static void results_draw(struct ui *u, void *arg)
{
	struct results *r = arg;
	int h = u->rows - 4, w = u->cols;
	char line[1024];
	struct strbuf counts = {0};

	sb_add(&counts, "");
	for (int i = 0; i < r->nlines; i++)
		if (r->line[i].hit < 0)
			sb_addf(&counts, "%s%s %d%s", counts.len ? "，" : "", search_kinds[r->line[i].kind].name,
			        r->line[i].count, r->more >> r->line[i].kind & 1 ? "+" : "");
	if (r->cur < r->top)
		r->top = r->cur > 0 && r->line[r->cur - 1].hit < 0 ? r->cur - 1 : r->cur;
	if (r->cur >= r->top + h)
		r->top = r->cur - h + 1;
	ui_putf(1, 0, w, TEXT_ELLIPSIS, UA_TITLE, " 检索「%s」：%s%s", r->q, counts.s,
	        r->more ? "（带 + 的只列出最新录入的 " STR_SEARCH_PER_KIND " 条，可加字词缩小范围）" : "");
	sb_free(&counts);
	for (int i = 0; i < h; i++) {
		int n = r->top + i, y = 2 + i;

		ui_fill(y, 0, w, UA_NORMAL);
		if (n >= r->nlines)
			continue;
		if (r->line[n].hit < 0) {
			ui_putf(y, 1, w - 2, TEXT_ELLIPSIS, UA_HEAD, "%s（%d%s）",
			        search_kinds[r->line[n].kind].name, r->line[n].count,
			        r->more >> r->line[n].kind & 1 ? "+" : "");
			continue;
		}
		hit_line(&r->hits[r->line[n].hit], r->q, line, sizeof line);
		if (n == r->cur)
			ui_fill(y, 0, w, UA_SEL);
		ui_put(y, 1, 2, n == r->cur ? "▸" : "", 0, n == r->cur ? UA_SEL : UA_NORMAL);
		ui_put(y, 3, w - 4, line, TEXT_ELLIPSIS, n == r->cur ? UA_SEL : UA_NORMAL);
	}
	ui_fill(u->rows - 2, 0, w, UA_NORMAL);
	ui_draw_message(u);
	ui_put(u->rows - 1, 0, w, " ↑↓ PgUp PgDn 选择  Enter 打开  / 重新检索  Esc 返回", TEXT_ELLIPSIS, UA_TAB);
}

static void sel_move(struct results *r, int d)
{
	int n = r->cur;

	for (;;) {
		n += d > 0 ? 1 : -1;
		if (n < 0 || n >= r->nlines)
			return;
		if (r->line[n].hit >= 0)
			break;
	}
	r->cur = n;
	if (d > 1 || d < -1)
		sel_move(r, d > 0 ? d - 1 : d + 1);
}

/* open the record of hit h where it lives */
static void open_hit(struct ui *u, const struct search_hit *h)
{
	int k = kind_of(h);

	if (k >= 0)
		kinds[k].open(u, h);
}

/* 1 when a record was opened (the results are done with) */
static int results_run(struct ui *u, struct results *r)
{
	void (*prev)(struct ui *, void *) = u->overlay;
	void *prev_arg = u->overlay_arg;
	int opened = 0, again = 0;

	u->overlay = results_draw;
	u->overlay_arg = r;
	for (;;) {
		int k, h = u->rows - 4;

		ui_draw_frame(u);
		if (u->exit_after_frame)
			break;
		k = ui_getkey(u, NULL);
		u->msg[0] = '\0';
		if (k == 27 || k == 'q')
			break;
		if (k == '/') {
			again = 1;
			break;
		}
		if (ui_is_enter(k) && r->nlines > 0 && r->line[r->cur].hit >= 0) {
			opened = 1;
			break;
		}
		switch (pager_key(k)) {
		case K_UP:   sel_move(r, -1); break;
		case K_DOWN: sel_move(r, 1); break;
		case K_PGUP: sel_move(r, -(h - 1)); break;
		case K_PGDN: sel_move(r, h - 1); break;
		case K_HOME: r->cur = 0; sel_move(r, 1); break;
		case K_END:  r->cur = r->nlines - 1; if (r->line[r->cur].hit < 0) sel_move(r, -1); break;
		}
	}
	u->overlay = prev;
	u->overlay_arg = prev_arg;
	if (opened)
		open_hit(u, &r->hits[r->line[r->cur].hit]);
	return again ? 2 : opened;
}

void ui_search(struct ui *u)
{
	int screen = u->screen;

	for (;;) {
		struct results r;
		char *q = NULL;
		int n, rc;

		memset(&r, 0, sizeof r);
		if (!ui_prompt(u, "检索",
		               "要找的字词（几个词用空格隔开）：",
		               NULL, 60, &q))
			return;
		ys_strlcpy(r.q, q, sizeof r.q);
		free(q);
		if (!r.q[0])
			return;
		n = store_search(u->st, r.q, &r.hits, &r.more);
		if (n < 0) {
			ui_error(u, "检索失败：%s", store_errmsg(u->st));
			return;
		}
		if (n == 0) {
			ui_message(u, UA_WARN, "没有找到含「%s」的议题、会议、发言、公示、民情日记、手记、大事记或人员。",
			           r.q);
			return;
		}
		r.nhits = n;
		group(&r, screen);
		rc = results_run(u, &r);
		free(r.line);
		search_hits_free(r.hits, r.nhits);
		if (rc != 2)
			return;
	}
}
