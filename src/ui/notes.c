/* notes.c: tab 7 手记 — two pages switched with Tab.  书记手记: the year's
 * notes, the selected one's text under the list, Enter for the whole note
 * with its links (Enter on a link goes to that meeting or matter).  大事记:
 * the year's lines as they will print, generated from the records and
 * written by hand; a generated line can be left out (h) and shown again.
 * Every write goes through ops. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "ops/ops.h"
#include "paper/doc.h"

enum { PG_NOTES = 0, PG_CHRON = 1 };

static struct {
	int page;
	int year;                    /* 0 until the first visit: this year */
	struct note *notes;
	int nnotes, ncur, ntop;
	struct chron_item *items;    /* without the hidden ones unless show_hidden */
	int nitems, ccur, ctop;
	int show_hidden;
	int nhidden;                 /* lines of the year left out */
	int detail;                  /* 书记手记: the selected note whole */
	int lcur;                    /* its selected link */
	int dtop;                    /* its text scrolled by */
	int body_rows;               /* rows the text had at the last draw */
} NS;

/* ---- reading ---------------------------------------------------------------- */

static void free_lists(void)
{
	for (int i = 0; i < NS.nnotes; i++)
		note_clear(&NS.notes[i]);
	free(NS.notes);
	for (int i = 0; i < NS.nitems; i++)
		chron_item_clear(&NS.items[i]);
	free(NS.items);
	NS.notes = NULL;
	NS.items = NULL;
	NS.nnotes = NS.nitems = 0;
}

static int clamp(int v, int n)
{
	return v >= n ? (n > 0 ? n - 1 : 0) : v < 0 ? 0 : v;
}

/* the year read again; keep: the id to stay on (the selection's, or a
 * record just written), NULL = the same position */
static void notes_load(struct ui *u, const char *keep)
{
	char id[ID_LEN] = "";
	int n;

	if (keep)
		snprintf(id, sizeof id, "%s", keep);
	free_lists();
	n = store_note_year(u->st, NS.year, &NS.notes);
	if (n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		n = 0;
	}
	NS.nnotes = n;
	n = store_chronicle_year(u->st, NS.year, &NS.items);
	if (n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		n = 0;
	}
	NS.nitems = NS.nhidden = 0;
	for (int i = 0; i < n; i++) {
		NS.nhidden += NS.items[i].hidden;
		if (NS.items[i].hidden && !NS.show_hidden)
			chron_item_clear(&NS.items[i]);
		else
			NS.items[NS.nitems++] = NS.items[i];
	}
	for (int i = 0; id[0] && i < NS.nnotes; i++)
		if (strcmp(NS.notes[i].id, id) == 0)
			NS.ncur = i;
	for (int i = 0; id[0] && i < NS.nitems; i++)
		if (strcmp(NS.items[i].ref_id, id) == 0)
			NS.ccur = i;
	NS.ncur = clamp(NS.ncur, NS.nnotes);
	NS.ccur = clamp(NS.ccur, NS.nitems);
	if (NS.nnotes == 0)
		NS.detail = 0;
}

static void notes_enter(struct ui *u)
{
	int first = !NS.year;

	if (first)
		NS.year = ys_year_now();
	notes_load(u, NULL);
	/* the latest note first: the one just written, or the next to follow */
	if (first)
		NS.ncur = clamp(NS.nnotes - 1, NS.nnotes);
}

/* a search opened a note: its year's 书记手记 with the note open whole */
void ui_notes_show(struct ui *u, const char *note_id, const char *date)
{
	int year = atoi(date);

	NS.year = year >= 1000 && year <= 9999 ? year : ys_year_now();
	NS.page = PG_NOTES;
	ui_goto(u, SCR_NOTES);
	notes_load(u, note_id);
	if (NS.nnotes > 0 && strcmp(NS.notes[NS.ncur].id, note_id) == 0) {
		NS.detail = 1;
		NS.lcur = 0;
		NS.dtop = 0;
	}
}

void ui_chronicle_show(struct ui *u, const char *entry_id, const char *date)
{
	int year = atoi(date);

	NS.year = year >= 1000 && year <= 9999 ? year : ys_year_now();
	NS.page = PG_CHRON;
	NS.detail = 0;
	ui_goto(u, SCR_NOTES);
	notes_load(u, entry_id);
}

static struct note *cur_note(void)
{
	return NS.nnotes ? &NS.notes[NS.ncur] : NULL;
}

static struct chron_item *cur_item(void)
{
	return NS.nitems ? &NS.items[NS.ccur] : NULL;
}

/* ---- drawing ------------------------------------------------------------------ */

static const char *const kind_label[CK_COUNT] = {
	[CK_MEETING] = "会议", [CK_DECISION] = "决议", [CK_NOTICE] = "公示",
	[CK_ARCHIVE] = "归档", [CK_HAND] = "手写",
};

/* the row above every page: the two pages, the year, the counts */
static void draw_top(struct ui *u, int y)
{
	char more[96] = "";

	if (NS.nhidden)
		snprintf(more, sizeof more, NS.show_hidden ? "，暗色为已隐藏的 %d 条" : "，另有 %d 条已隐藏（s 显示）",
		         NS.nhidden);
	ui_fill(y, 0, u->cols, UA_NORMAL);
	ui_put(y, 1, 10, " 书记手记 ", 0, NS.page == PG_NOTES ? UA_TAB_ON : UA_TAB);
	ui_put(y, 12, 8, " 大事记 ", 0, NS.page == PG_CHRON ? UA_TAB_ON : UA_TAB);
	if (NS.page == PG_NOTES)
		ui_putf(y, 22, u->cols - 23, TEXT_ELLIPSIS, UA_HEAD, "◀ %d年 ▶  共 %d 篇手记", NS.year,
		        NS.nnotes);
	else
		ui_putf(y, 22, u->cols - 23, TEXT_ELLIPSIS, UA_HEAD, "◀ %d年 ▶  共 %d 条%s", NS.year,
		        NS.nitems - (NS.show_hidden ? NS.nhidden : 0), more);
}

/* text wrapped from row y, at most rows rows after skipping `skip` wrapped
 * rows; returns the wrapped rows the text has in all */
struct wrap_ctx { int y, x, w, skip, rows, n, attr; };

static void wrap_line(const char *line, size_t nbytes, void *arg)
{
	struct wrap_ctx *c = arg;
	int k = c->n++ - c->skip;
	if (k >= 0 && k < c->rows) {
		char *s = xasprintf("%.*s", (int)nbytes, line);
		ui_put(c->y + k, c->x, c->w, s, TEXT_ELLIPSIS, c->attr);
		free(s);
	}
}

static int put_text(int y, int x, int w, int rows, int skip, const char *text, int attr)
{
	struct wrap_ctx c = { y, x, w, skip, rows, 0, attr };
	const char *p = text ? text : "";

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *para = xasprintf("%.*s", (int)len, p);
		if (para[0])
			text_wrap(para, w > 4 ? w : 4, wrap_line, &c);
		else
			c.n++;
		free(para);
		p += len;
		if (*p)
			p++;
	}
	return c.n;
}

static void links_line(const struct note *n, char *buf, size_t len)
{
	struct strbuf sb = { 0 };
	for (int i = 0; i < n->nlinks; i++)
		sb_addf(&sb, "%s%s %s", i ? "；" : "", n->links[i].number, n->links[i].title);
	snprintf(buf, len, "%s", sb.s ? sb.s : "（无）");
	sb_free(&sb);
}

static void draw_notes(struct ui *u, int top, int bottom)
{
	static const int widths[] = { 11, 36, 8, 0 };
	const char *head[] = { "日期", "标题", "作者", "关联" };
	int w = u->cols - 2, rows = bottom - top - 1;
	int list_h = NS.nnotes < rows / 2 ? NS.nnotes : rows / 2;
	int y;

	if (list_h < 3)
		list_h = rows < 3 ? rows : 3;
	ui_fill(top, 0, u->cols, UA_HEAD);
	ui_row(top, 1, w, UA_HEAD, head, widths, 4);
	if (NS.nnotes == 0) {
		ui_putf(top + 2, 2, w - 2, TEXT_ELLIPSIS, UA_DIM, "%d年还没有书记手记。按 n 写一篇"
		        "（日期可以是以前的，照本子补录）；←/→ 换年份。", NS.year);
		return;
	}
	if (NS.ncur < NS.ntop)
		NS.ntop = NS.ncur;
	if (NS.ncur >= NS.ntop + list_h)
		NS.ntop = NS.ncur - list_h + 1;
	for (int i = 0; i < list_h && NS.ntop + i < NS.nnotes; i++) {
		const struct note *n = &NS.notes[NS.ntop + i];
		int attr = NS.ntop + i == NS.ncur ? UA_SEL : UA_NORMAL;
		struct strbuf links = { 0 };
		for (int k = 0; k < n->nlinks; k++)
			sb_addf(&links, "%s%s", k ? "、" : "", n->links[k].number);
		const char *cells[] = { n->date, n->title, n->author, links.s ? links.s : "" };
		if (attr == UA_SEL)
			ui_fill(top + 1 + i, 0, u->cols, attr);
		ui_row(top + 1 + i, 1, w, attr, cells, widths, 4);
		sb_free(&links);
	}
	/* the selected note under the list */
	const struct note *n = cur_note();
	char links[1024];
	y = top + 1 + list_h;
	ui_hline(y++, 0, u->cols, UA_DIM);
	if (y >= bottom)
		return;
	links_line(n, links, sizeof links);
	ui_putf(y++, 1, w, TEXT_ELLIPSIS, UA_HEAD, "%s　%s　%s", n->date, n->title, n->author);
	if (y < bottom)
		ui_putf(y++, 1, w, TEXT_ELLIPSIS, UA_DIM, "关联：%s", links);
	if (y < bottom)
		put_text(y, 1, w, bottom - y, 0, n->body, UA_NORMAL);
}

/* 书记手记 whole: header, the links to choose from, the text */
static void draw_detail(struct ui *u, int top, int bottom)
{
	const struct note *n = cur_note();
	int w = u->cols - 2, y = top, total;
	char day[32];

	if (!n)
		return;
	ys_cn_date_any(n->date, day);
	ui_putf(y++, 1, w, TEXT_ELLIPSIS, UA_TITLE, " %s ", n->title);
	ui_putf(y++, 1, w, TEXT_ELLIPSIS, UA_NORMAL, "日期：%s　　作者：%s", day, n->author);
	if (n->nlinks == 0) {
		ui_put(y++, 1, w, "关联：（无）", TEXT_ELLIPSIS, UA_DIM);
	} else {
		ui_put(y++, 1, w, "关联（↑/↓ 选择，Enter 转到）：", TEXT_ELLIPSIS, UA_DIM);
		NS.lcur = clamp(NS.lcur, n->nlinks);
		for (int i = 0; i < n->nlinks && y < bottom - 2; i++) {
			const struct note_link *l = &n->links[i];
			int attr = i == NS.lcur ? UA_SEL : UA_NORMAL;
			if (attr == UA_SEL)
				ui_fill(y, 0, u->cols, attr);
			ui_putf(y++, 2, w - 1, TEXT_ELLIPSIS, attr, "%s %s %s　%s",
			        i == NS.lcur ? "▸" : " ", l->meeting_id[0] ? "会议" : "议题", l->number,
			        l->title);
		}
	}
	ui_hline(y++, 0, u->cols, UA_DIM);
	NS.body_rows = bottom - y;
	total = put_text(y, 1, w, 0, 0, n->body, UA_NORMAL);
	NS.dtop = NS.dtop > total - NS.body_rows ? total - NS.body_rows : NS.dtop;
	NS.dtop = NS.dtop < 0 ? 0 : NS.dtop;
	put_text(y, 1, w, bottom - y, NS.dtop, n->body, UA_NORMAL);
	if (total > NS.body_rows)
		ui_putf(bottom - 1, u->cols - 24, 23, 0, UA_DIM, "PgUp/PgDn 翻看（%d/%d 行）",
		        NS.dtop + NS.body_rows < total ? NS.dtop + NS.body_rows : total, total);
}

static void draw_chronicle(struct ui *u, int top, int bottom)
{
	static const int widths[] = { 11, 4, 0 };
	const char *head[] = { "日期", "来源", "大事" };
	int w = u->cols - 2, rows = bottom - top - 1, list_h = rows - 3;
	const struct chron_item *cur;
	struct strbuf sb = { 0 };

	ui_fill(top, 0, u->cols, UA_HEAD);
	ui_row(top, 1, w, UA_HEAD, head, widths, 3);
	if (NS.nitems == 0) {
		ui_putf(top + 2, 2, w - 2, TEXT_ELLIPSIS, UA_DIM, "%d年还没有可记入大事记的事项"
		        "（召开的会议、决议、公示、办结的议题会自动列入）。按 n 手写一条。", NS.year);
		return;
	}
	if (list_h < 1)
		list_h = 1;
	if (NS.ccur < NS.ctop)
		NS.ctop = NS.ccur;
	if (NS.ccur >= NS.ctop + list_h)
		NS.ctop = NS.ccur - list_h + 1;
	for (int i = 0; i < list_h && NS.ctop + i < NS.nitems; i++) {
		const struct chron_item *it = &NS.items[NS.ctop + i];
		int sel = NS.ctop + i == NS.ccur;
		int attr = sel ? UA_SEL : it->hidden ? UA_DIM : UA_NORMAL;
		char kind[32];
		struct strbuf line = { 0 };
		snprintf(kind, sizeof kind, "%s", it->kind > 0 && it->kind < CK_COUNT ? kind_label[it->kind] : "");
		if (it->hidden)
			sb_add(&line, "（已隐藏）");
		chronicle_line(it, &line);
		const char *cells[] = { it->date, kind, line.s ? line.s : "" };
		if (sel)
			ui_fill(top + 1 + i, 0, u->cols, attr);
		ui_row(top + 1 + i, 1, w, attr, cells, widths, 3);
		sb_free(&line);
	}
	/* the selected line whole: it may be longer than the row */
	cur = cur_item();
	ui_hline(bottom - 3, 0, u->cols, UA_DIM);
	chronicle_line(cur, &sb);
	put_text(bottom - 2, 1, w, 2, 0, sb.s ? sb.s : "", cur->hidden ? UA_DIM : UA_NORMAL);
	sb_free(&sb);
}

static void notes_draw(struct ui *u, int top, int bottom)
{
	draw_top(u, top);
	if (NS.page == PG_CHRON)
		draw_chronicle(u, top + 1, bottom);
	else if (NS.detail)
		draw_detail(u, top + 1, bottom);
	else
		draw_notes(u, top + 1, bottom);
}

/* ---- the forms ---------------------------------------------------------------- */

enum { F_DATE, F_TITLE, F_AUTHOR, F_MEETINGS, F_PROPOSALS, F_BODY, F_N };

#define CHOICES 64
struct nform {
	struct note_link meet[CHOICES], prop[CHOICES];
	int nmeet, nprop;
	char *mitems[CHOICES], *pitems[CHOICES];
	char id[ID_LEN];             /* the note changed, "" for a new one */
	char saved[ID_LEN];
};

static int nform_submit(struct ui *u, struct form *fm, void *arg)
{
	struct nform *nf = arg;
	struct note n;
	char err[512], *date, *title;
	int rc, bad;

	memset(&n, 0, sizeof n);
	snprintf(n.id, sizeof n.id, "%s", nf->id);
	date = form_get_text(fm, F_DATE);
	title = form_get_text(fm, F_TITLE);
	bad = ys_strlcpy(n.date, date, sizeof n.date) | ys_strlcpy(n.title, title, sizeof n.title);
	free(date);
	free(title);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "日期或标题太长。");
		return -1;
	}
	if (fm->f[F_AUTHOR].npeople) {
		ys_strlcpy(n.author_id, fm->f[F_AUTHOR].people[0].id, sizeof n.author_id);
		ys_strlcpy(n.author, fm->f[F_AUTHOR].people[0].name, sizeof n.author);
	}
	for (int i = 0; i < nf->nmeet && n.nlinks < NOTE_MAX_LINKS; i++)
		if (fm->f[F_MEETINGS].checked[i])
			snprintf(n.links[n.nlinks++].meeting_id, ID_LEN, "%s", nf->meet[i].meeting_id);
	for (int i = 0; i < nf->nprop; i++)
		if (fm->f[F_PROPOSALS].checked[i]) {
			if (n.nlinks >= NOTE_MAX_LINKS) {
				snprintf(fm->msg, sizeof fm->msg, "一篇手记最多关联 %d 项会议或议题。",
				         NOTE_MAX_LINKS);
				return -1;
			}
			snprintf(n.links[n.nlinks++].proposal_id, ID_LEN, "%s", nf->prop[i].proposal_id);
		}
	n.body = form_get_text(fm, F_BODY);
	rc = ops_note_save(u->st, &n, err, sizeof err);
	free(n.body);
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		fm->focus = strstr(err, "日期") ? F_DATE : strstr(err, "标题") ? F_TITLE
		          : strstr(err, "作者") ? F_AUTHOR : strstr(err, "关联") ? F_MEETINGS : F_BODY;
		return -1;
	}
	snprintf(nf->saved, sizeof nf->saved, "%s", n.id);
	ui_message(u, UA_OK, "手记已保存：%s %s", n.date, n.title);
	return 0;
}

/* the choices of a list field, the links of orig checked */
static void choices(struct ui *u, struct field *f, int meetings, const struct note *orig,
                    struct note_link *out, int *nout, char **items)
{
	int n = store_link_choices(u->st, meetings, orig, out, CHOICES);

	if (n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		n = 0;
	}
	*nout = n;
	memset(f->checked, 0, sizeof f->checked);
	for (int i = 0; i < n; i++) {
		items[i] = xasprintf("%s %s（%s）", out[i].number, out[i].title, out[i].date);
		for (int j = 0; orig && j < orig->nlinks; j++)
			if (strcmp(orig->links[j].meeting_id, out[i].meeting_id) == 0 &&
			    strcmp(orig->links[j].proposal_id, out[i].proposal_id) == 0)
				f->checked[i] = 1;
	}
	f->items = (const char *const *)items;
	f->nitems = n;
}

/* a note new (orig NULL) or changed: 1 when saved, its id in saved */
static int note_form(struct ui *u, const struct note *orig, char saved[ID_LEN])
{
	struct field f[F_N] = {
		[F_DATE] = { .label = "日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "手记所记的日子 YYYY-MM-DD，可以是以前的（照本子补录）" },
		[F_TITLE] = { .label = "标题", .type = FT_TEXT, .required = 1,
		              .maxchars = NOTE_TITLE_MAX_CHARS, .hint = "最多 60 个字" },
		[F_AUTHOR] = { .label = "作者", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		               .hint = "Enter 从花名册选，或直接写姓名；默认为社区党委书记" },
		[F_MEETINGS] = { .label = "关联会议", .type = FT_LIST,
		                 .hint = "Enter 勾选手记说到的会议（可以不选）" },
		[F_PROPOSALS] = { .label = "关联议题", .type = FT_LIST,
		                  .hint = "Enter 勾选手记说到的议题（可以不选）" },
		[F_BODY] = { .label = "内容", .type = FT_MULTI, .required = 1, .rows = 6,
		             .maxchars = NOTE_BODY_MAX_CHARS, .hint = "Enter 换行；" UI_SAVE("保存") },
	};
	struct nform *nf = xcalloc(1, sizeof *nf);
	struct form fm = { .title = orig ? "修改书记手记" : "写书记手记", .f = f, .n = F_N,
	                   .submit = nform_submit, .arg = nf };
	char today[11];
	int ok;

	if (orig)
		snprintf(nf->id, sizeof nf->id, "%s", orig->id);
	choices(u, &f[F_MEETINGS], 1, orig, nf->meet, &nf->nmeet, nf->mitems);
	choices(u, &f[F_PROPOSALS], 0, orig, nf->prop, &nf->nprop, nf->pitems);
	form_init(&fm);
	if (orig) {
		form_set_text(&fm, F_DATE, orig->date);
		form_set_text(&fm, F_TITLE, orig->title);
		form_set_text(&fm, F_BODY, orig->body);
		snprintf(f[F_AUTHOR].people[0].id, ID_LEN, "%s", orig->author_id);
		snprintf(f[F_AUTHOR].people[0].name, sizeof f[F_AUTHOR].people[0].name, "%s", orig->author);
		f[F_AUTHOR].npeople = 1;
	} else {
		ys_today(today);
		form_set_text(&fm, F_DATE, today);
		ops_note_author_default(u->st, f[F_AUTHOR].people[0].name, f[F_AUTHOR].people[0].id);
		f[F_AUTHOR].npeople = f[F_AUTHOR].people[0].name[0] != '\0';
	}
	ok = form_run(u, &fm);
	form_free(&fm);
	if (ok)
		snprintf(saved, ID_LEN, "%s", nf->saved);
	for (int i = 0; i < nf->nmeet; i++)
		free(nf->mitems[i]);
	for (int i = 0; i < nf->nprop; i++)
		free(nf->pitems[i]);
	free(nf);
	return ok;
}

enum { C_DATE, C_TEXT, C_N };

static int cform_submit(struct ui *u, struct form *fm, void *arg)
{
	struct chron_entry *e = arg;
	char err[512], *date = form_get_text(fm, C_DATE);
	int rc, bad = ys_strlcpy(e->date, date, sizeof e->date);

	free(date);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "日期不对（应为 YYYY-MM-DD）。");
		fm->focus = C_DATE;
		return -1;
	}
	free(e->text);
	e->text = form_get_text(fm, C_TEXT);
	rc = ops_chron_save(u->st, e, err, sizeof err);
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		fm->focus = strstr(err, "日期") ? C_DATE : C_TEXT;
		return -1;
	}
	ui_message(u, UA_OK, "大事记已保存：%s", e->date);
	return 0;
}

/* a hand line new (id NULL) or changed: 1 when saved, its id in saved */
static int chron_form(struct ui *u, const char *id, char saved[ID_LEN])
{
	struct field f[C_N] = {
		[C_DATE] = { .label = "日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "这件事发生的日子 YYYY-MM-DD" },
		[C_TEXT] = { .label = "大事", .type = FT_MULTI, .required = 1, .rows = 3,
		             .maxchars = CHRON_TEXT_MAX_CHARS,
		             .hint = "一句话写清谁、做了什么，如：南门街道检查社区居务公开工作。" UI_SAVE("保存") },
	};
	struct chron_entry e;
	struct form fm = { .title = id ? "修改大事记" : "添加大事记", .f = f, .n = C_N,
	                   .submit = cform_submit, .arg = &e };
	char today[24];
	int ok;

	memset(&e, 0, sizeof e);
	if (id && store_chron_get(u->st, id, &e) != 0) {
		ui_error(u, "读取大事记失败：%s", store_errmsg(u->st));
		return 0;
	}
	form_init(&fm);
	if (id) {
		form_set_text(&fm, C_DATE, e.date);
		form_set_text(&fm, C_TEXT, e.text);
	} else {
		ys_today(today);
		/* a line for the year on screen: its last day when that is past */
		if (atoi(today) > NS.year)
			snprintf(today, sizeof today, "%04d-12-31", NS.year);
		form_set_text(&fm, C_DATE, today);
	}
	ok = form_run(u, &fm);
	form_free(&fm);
	if (ok)
		snprintf(saved, ID_LEN, "%s", e.id);
	chron_entry_clear(&e);
	return ok;
}

/* ---- actions ---------------------------------------------------------------- */

static void choose_year(struct ui *u)
{
	int years[64], n = store_record_years(u->st, years, 63), sel = 0, now = ys_year_now();
	char *items[64];
	int have_now = 0;

	if (n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		return;
	}
	for (int i = 0; i < n; i++)
		have_now |= years[i] == now;
	if (!have_now) {
		memmove(years + 1, years, (size_t)n * sizeof *years);
		years[0] = now;
		n++;
	}
	for (int i = 0; i < n; i++) {
		items[i] = xasprintf("%d年", years[i]);
		if (years[i] == NS.year)
			sel = i;
	}
	if (ui_choose(u, "选择年份", (const char *const *)items, n, &sel)) {
		NS.year = years[sel];
		NS.ncur = NS.ccur = NS.ntop = NS.ctop = 0;
		NS.detail = 0;
		notes_load(u, NULL);
	}
	for (int i = 0; i < n; i++)
		free(items[i]);
}

static void change_year(struct ui *u, int by)
{
	if (NS.year + by < 1900 || NS.year + by > 9999)
		return;
	NS.year += by;
	NS.ncur = NS.ccur = NS.ntop = NS.ctop = 0;
	NS.detail = 0;
	notes_load(u, NULL);
}

/* a record written: the year of its date shown, the cursor on it */
static void show_saved(struct ui *u, const char *id, const char *date)
{
	if (date && atoi(date) >= 1900)
		NS.year = atoi(date);
	notes_load(u, id);
}

static void preview(struct ui *u)
{
	struct doc d;
	char err[512];
	int rc = NS.page == PG_CHRON ? chronicle_doc(u->st, NS.year, &d, err, sizeof err)
	                             : notes_doc(u->st, NS.year, &d, err, sizeof err);
	if (rc != 0)
		ui_error(u, "%s", err);
	else
		ui_preview(u, &d);
	doc_free(&d);
}

static void open_link(struct ui *u)
{
	const struct note *n = cur_note();
	const struct note_link *l;

	if (!n || n->nlinks == 0) {
		ui_message(u, UA_WARN, "这篇手记没有关联会议或议题。按 e 修改时可以勾选。");
		return;
	}
	l = &n->links[clamp(NS.lcur, n->nlinks)];
	if (l->meeting_id[0]) {
		snprintf(u->meeting_id, sizeof u->meeting_id, "%s", l->meeting_id);
		ui_goto(u, SCR_LIVE);
	} else {
		snprintf(u->proposal_id, sizeof u->proposal_id, "%s", l->proposal_id);
		ui_goto(u, SCR_DOSSIER);
	}
}

static void new_record(struct ui *u)
{
	char saved[ID_LEN] = "";

	if (NS.page == PG_NOTES) {
		if (note_form(u, NULL, saved)) {
			struct note n;
			if (store_note_get(u->st, saved, &n) == 0) {
				show_saved(u, saved, n.date);
				note_clear(&n);
			}
		}
	} else if (chron_form(u, NULL, saved)) {
		struct chron_entry e;
		if (store_chron_get(u->st, saved, &e) == 0) {
			show_saved(u, saved, e.date);
			chron_entry_clear(&e);
		}
	}
}

static void edit_record(struct ui *u)
{
	char saved[ID_LEN] = "";

	if (NS.page == PG_NOTES) {
		struct note *n = cur_note();
		if (!n)
			return;
		if (note_form(u, n, saved)) {
			struct note m;
			if (store_note_get(u->st, saved, &m) == 0) {
				show_saved(u, saved, m.date);
				note_clear(&m);
			}
		}
		return;
	}
	struct chron_item *it = cur_item();
	if (!it)
		return;
	if (it->kind != CK_HAND) {
		ui_message(u, UA_WARN, "这一行由%s生成，改原来的记录；不想写入大事记的按 h 隐藏。",
		           kind_label[it->kind]);
		return;
	}
	if (chron_form(u, it->ref_id, saved)) {
		struct chron_entry e;
		if (store_chron_get(u->st, saved, &e) == 0) {
			show_saved(u, saved, e.date);
			chron_entry_clear(&e);
		}
	}
}

static void delete_record(struct ui *u)
{
	char err[512], q[512];

	if (NS.page == PG_NOTES) {
		struct note *n = cur_note();
		if (!n)
			return;
		snprintf(q, sizeof q, "删除手记「%s %s」？删除记入修改记录。", n->date, n->title);
		if (!ui_confirm(u, q))
			return;
		if (ops_note_delete(u->st, n->id, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "手记已删除。");
		NS.detail = 0;
		notes_load(u, NULL);
		return;
	}
	struct chron_item *it = cur_item();
	if (!it)
		return;
	if (it->kind != CK_HAND) {
		ui_message(u, UA_WARN, "这一行由%s生成，不能删除；不想写入大事记的按 h 隐藏。",
		           kind_label[it->kind]);
		return;
	}
	snprintf(q, sizeof q, "删除大事记「%s %.120s」？删除记入修改记录。", it->date,
	         it->text ? it->text : "");
	if (!ui_confirm(u, q))
		return;
	if (ops_chron_delete(u->st, it->ref_id, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "大事记条目已删除。");
	notes_load(u, NULL);
}

static void hide_line(struct ui *u)
{
	struct chron_item *it = cur_item();
	char err[512], id[ID_LEN];
	int hide;

	if (!it)
		return;
	if (it->kind == CK_HAND) {
		ui_message(u, UA_WARN, "手写的条目不用隐藏：不要的按 Del 删除。");
		return;
	}
	hide = !it->hidden;
	snprintf(id, sizeof id, "%s", it->ref_id);
	if (ops_chron_hide(u->st, it->kind, id, hide, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	if (hide)
		ui_message(u, UA_OK, "已隐藏：这一行不写入大事记（记录本身不变）。%s",
		           NS.show_hidden ? "" : "按 s 可以显示已隐藏的行。");
	else
		ui_message(u, UA_OK, "已恢复：这一行重新写入大事记。");
	notes_load(u, id);
	if (hide && !NS.show_hidden)
		NS.ccur = clamp(NS.ccur, NS.nitems);
}

static void chron_open(struct ui *u)
{
	struct chron_item *it = cur_item();

	if (!it)
		return;
	if (it->kind == CK_MEETING) {
		snprintf(u->meeting_id, sizeof u->meeting_id, "%s", it->ref_id);
		ui_goto(u, SCR_LIVE);
	} else if (it->kind == CK_HAND) {
		edit_record(u);
	} else if (it->proposal_id[0]) {
		snprintf(u->proposal_id, sizeof u->proposal_id, "%s", it->proposal_id);
		ui_goto(u, SCR_DOSSIER);
	}
}

static int list_move(int *cur, int n, int a, int page)
{
	switch (a) {
	case K_UP: *cur = clamp(*cur - 1, n); return 1;
	case K_DOWN: *cur = clamp(*cur + 1, n); return 1;
	case K_PGUP: *cur = clamp(*cur - page, n); return 1;
	case K_PGDN: *cur = clamp(*cur + page, n); return 1;
	case K_HOME: *cur = 0; return 1;
	case K_END: *cur = clamp(n - 1, n); return 1;
	}
	return 0;
}

static void notes_action(struct ui *u, int a)
{
	int page = u->rows > 12 ? u->rows / 2 - 4 : 1;

	if (NS.detail && NS.page == PG_NOTES) {
		const struct note *n = cur_note();
		switch (a) {
		case K_BACK: NS.detail = 0; return;
		case K_OPEN: open_link(u); return;
		case K_UP: case K_DOWN:
			if (n && n->nlinks)
				NS.lcur = clamp(NS.lcur + (a == K_UP ? -1 : 1), n->nlinks);
			return;
		case K_PGUP: NS.dtop -= NS.body_rows > 1 ? NS.body_rows - 1 : 1; return;
		case K_PGDN: NS.dtop += NS.body_rows > 1 ? NS.body_rows - 1 : 1; return;
		case K_HOME: NS.dtop = 0; return;
		case K_END: NS.dtop = 1 << 20; return;
		}
	}
	if (list_move(NS.page == PG_NOTES ? &NS.ncur : &NS.ccur, NS.page == PG_NOTES ? NS.nnotes : NS.nitems,
	         a, NS.page == PG_NOTES ? page : u->rows - 10))
		return;
	switch (a) {
	case K_NEXT_PAGE:
		NS.page = !NS.page;
		NS.detail = 0;
		break;
	case K_OPEN:
		if (NS.page == PG_CHRON)
			chron_open(u);
		else if (cur_note()) {
			NS.detail = 1;
			NS.lcur = NS.dtop = 0;
		}
		break;
	case K_BACK: NS.detail = 0; break;
	case K_NEW: new_record(u); break;
	case K_EDIT: edit_record(u); break;
	case K_DELETE: delete_record(u); break;
	case K_LEFT: change_year(u, -1); break;
	case K_RIGHT: change_year(u, 1); break;
	case K_YEAR: choose_year(u); break;
	case K_HIDE:
		if (NS.page == PG_CHRON)
			hide_line(u);
		break;
	case K_SHOW_HIDDEN:
		if (NS.page == PG_CHRON) {
			char id[ID_LEN] = "";
			if (cur_item())
				snprintf(id, sizeof id, "%s", cur_item()->ref_id);
			NS.show_hidden = !NS.show_hidden;
			notes_load(u, id);
			ui_message(u, UA_NORMAL, NS.show_hidden ? "显示已隐藏的行（暗色）；h 恢复所选的一行。"
			                                       : "不显示已隐藏的行。");
		}
		break;
	case K_PREVIEW: preview(u); break;
	}
}

static int notes_key_ok(struct ui *u, int a)
{
	(void)u;
	if (NS.page == PG_NOTES && NS.detail)
		return a == K_BACK || a == K_OPEN || a == K_EDIT || a == K_DELETE || a == K_PREVIEW ||
		       a == K_NEXT_PAGE;
	if (a == K_BACK)
		return 0;
	if (a == K_HIDE || a == K_SHOW_HIDDEN)
		return NS.page == PG_CHRON;
	if (a == K_EDIT || a == K_DELETE)
		return NS.page == PG_NOTES ? NS.nnotes > 0 : cur_item() && cur_item()->kind == CK_HAND;
	if (a == K_OPEN)
		return NS.page == PG_NOTES ? NS.nnotes > 0 : NS.nitems > 0;
	return 1;
}

const struct screen_def screen_notes = {
	.id = SCR_NOTES, .title = "手记", .enter = notes_enter, .draw = notes_draw,
	.action = notes_action, .key_ok = notes_key_ok,
};
