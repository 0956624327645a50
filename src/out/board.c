/* board.c: the notice board as a small static site — index.html (notices
 * now posted, with days left, and recently expired ones marked) and one
 * page per notice; readable on a 1920×1080 lobby screen and on a phone, no
 * script, no network. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "out/output.h"
#include "paper/doc.h"
#include "store/store.h"


/* Fluid, one column on a phone, cards side by side on wide screens, large
 * type on a 1920×1080 lobby screen.  Every text may break anywhere when it
 * has to (phone numbers, digests, URLs), so nothing is wider than the
 * screen. */
static const char site_css[] =
	"*,*::before,*::after{box-sizing:border-box}"
	"html{font-size:17px;-webkit-text-size-adjust:100%;text-size-adjust:100%}"
	"body{margin:0;background:#f4f0e6;color:#1c1c1c;line-height:1.75;"
	"font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",\"SimSun\","
	"\"Noto Sans CJK SC\",\"Microsoft YaHei\",serif;overflow-wrap:anywhere;word-break:normal}"
	"a{color:#8e1111}"
	".top{background:#b3261e;color:#fff;padding:1rem 1.25rem}"
	".top h1{margin:0;font-size:1.6rem;line-height:1.4;letter-spacing:.08em}"
	".top p{margin:.3rem 0 0;opacity:.92}"
	".top a{color:#fff}"
	"main{max-width:64rem;margin:0 auto;padding:1rem}"
	"h2.section{font-size:1.25rem;margin:1.2rem 0 .6rem;padding-left:.6rem;border-left:.3rem solid #b3261e}"
	".cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem;"
	"grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr))}"
	".card{min-width:0;background:#fff;border-left:.4rem solid #b3261e;border-radius:.3rem;"
	"padding:.9rem 1.2rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
	".card h3{margin:0 0 .4rem;font-size:1.3rem;line-height:1.45}"
	".card h3 a{color:inherit;text-decoration:none}"
	".card h3 a:hover,.card h3 a:focus{text-decoration:underline}"
	".meta{margin:.15rem 0;color:#444}"
	".badge{display:inline-block;margin:.3rem .5rem .1rem 0;padding:0 .7rem;border-radius:1rem;"
	"background:#1e6b2e;color:#fff;font-weight:bold}"
	".badge.last{background:#b3261e}"
	".expired{color:#666}"
	".card.expired{border-left-color:#9a9a9a}"
	".expired .badge,.badge.expired{background:#777;color:#fff}"
	".nw{white-space:nowrap}"
	".empty{background:#fff;padding:1rem 1.2rem;border-radius:.3rem}"
	".doc{max-width:46rem;margin:0 auto;background:#fff;border-radius:.3rem;"
	"padding:1.2rem clamp(1rem,4vw,3rem);"
	"box-shadow:0 1px 3px rgba(0,0,0,.15)}"
	".doc h1{text-align:center;font-size:1.7rem;line-height:1.45;margin:.4rem 0 .6rem}"
	".doc .subtitle,.doc .center{text-align:center}"
	".doc .field .text,.doc .line,.doc .para{white-space:pre-wrap}"
	".doc .sign .blank{display:inline-block;min-width:10em;border-bottom:1px solid #111}"
	".doc .pagebreak{display:none}"
	".doc .right{text-align:right}"
	".doc .para{text-indent:2em}"
	".doc h2{font-size:1.2rem;margin:1rem 0 .3rem}"
	".doc p{margin:.35rem 0}"
	".doc .label{font-weight:bold}"
	".doc .space{height:.8rem}"
	".doc .digest{font-size:.85rem;color:#555}"
	".status,.objections{max-width:46rem;margin:0 auto 1rem}"
	".objections{margin-top:1.2rem}"
	"footer{max-width:64rem;margin:0 auto;padding:1rem;color:#666;font-size:.9rem}"
	"@media (min-width:1600px){html{font-size:26px}"
	"main,footer{max-width:none;padding:1.2rem 3rem}.top{padding:1.4rem 3rem}}"
	"@media (max-width:480px){html{font-size:16px}main{padding:.6rem}"
	".top{padding:.8rem}.card{padding:.8rem .9rem}.doc{padding:1rem .9rem}"
	".top h1{font-size:1.35rem}.doc h1{font-size:1.4rem}}"
	"@media print{body{background:#fff}.top{background:#fff;color:#000}"
	".card,.doc{box-shadow:none;border:1px solid #999}}";

static void esc(struct strbuf *sb, const char *s)
{
	html_escape(s ? s : "", sb);
}

/* escaped, with line breaks as <br> */
static void esc_lines(struct strbuf *sb, const char *s)
{
	const char *p = s ? s : "";
	for (;;) {
		const char *e = strchr(p, '\n');
		if (!e) {
			esc(sb, p);
			break;
		}
		char *part = xmalloc((size_t)(e - p) + 1);
		memcpy(part, p, (size_t)(e - p));
		part[e - p] = '\0';
		if (e > p && part[e - p - 1] == '\r')
			part[e - p - 1] = '\0';
		esc(sb, part);
		free(part);
		sb_add(sb, "<br>");
		p = e + 1;
	}
}

static void page_head(struct strbuf *sb, const char *title)
{
	sb_add(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<meta name=\"generator\" content=\"议事厅 yishiting\">\n<title>");
	esc(sb, title);
	sb_add(sb, "</title>\n<style>");
	sb_add(sb, site_css);
	sb_add(sb, "</style>\n</head>\n<body>\n");
}

struct board_item {
	struct notice n;
	char file[64];
	int days_left;           /* counting today; 0 = expired */
	int expired;
	int objections, unanswered;
	const char *made;        /* the day the site is made: 2026年11月22日 */
};

/* 「还剩 3 天（按 2026年11月22日计）」 or 「已过公示期」: the page is read
 * on later days than it was made, so the count says which day it counts
 * from (an expired notice stays expired) */
static void status_badge(struct strbuf *sb, const struct board_item *it)
{
	if (it->expired) {
		sb_add(sb, "<span class=\"badge expired\">已过公示期</span>");
	} else if (it->days_left <= 1) {
		sb_add(sb, "<span class=\"badge last\">");
		esc(sb, it->made);
		sb_add(sb, "是公示期最后一天</span>");
	} else {
		sb_addf(sb, "<span class=\"badge\">还剩 %d 天（按", it->days_left);
		esc(sb, it->made);
		sb_add(sb, "计）</span>");
	}
}

static void period_text(struct strbuf *sb, const struct notice *n)
{
	char a[32], b[32];
	if (ys_cn_date(n->start_date, a) != 0)
		ys_strlcpy(a, n->start_date, sizeof a);
	if (ys_cn_date(n->end_date, b) != 0)
		ys_strlcpy(b, n->end_date, sizeof b);
	/* a date is never split over two lines */
	sb_add(sb, "公示期：<span class=\"nw\">");
	esc(sb, a);
	sb_add(sb, "</span>至<span class=\"nw\">");
	esc(sb, b);
	sb_add(sb, "</span>");
}

/* the objections only as counts: who objected, what they wrote and what
 * they were told (a promise to one household) are for the archive */
static void objection_text(struct strbuf *sb, const struct board_item *it)
{
	if (it->objections == 0)
		sb_add(sb, "公示期内未收到异议");
	else
		sb_addf(sb, "收到异议 %d 件，已答复 %d 件", it->objections,
		        it->objections - it->unanswered);
}

/* the notice itself: the same blocks as every HTML export */
static void doc_blocks_html(struct strbuf *sb, const struct doc *d)
{
	sb_add(sb, "<article class=\"doc\">\n");
	render_html_blocks(d, sb);
	if (d->footer && *d->footer) {
		sb_add(sb, "<p class=\"digest\">");
		esc_lines(sb, d->footer);
		sb_add(sb, "</p>\n");
	}
	sb_add(sb, "</article>\n");
}


static int notice_page(struct store *st, const char *dir, const struct board_item *it,
                       const char *site_title, char *err, size_t errlen)
{
	struct doc d;
	struct strbuf sb = { 0 };
	int rc;

	doc_init(&d, DOC_NOTICE);
	if (notice_doc(st, it->n.id, 1, &d, err, errlen) != 0) {
		doc_free(&d);
		return -1;
	}
	page_head(&sb, it->n.title);
	sb_add(&sb, "<header class=\"top\"><h1>");
	esc(&sb, site_title);
	sb_add(&sb, "</h1><p><a href=\"index.html\">← 返回公示栏</a></p></header>\n<main>\n");
	sb_add(&sb, it->expired ? "<p class=\"status expired\">" : "<p class=\"status\">");
	status_badge(&sb, it);
	period_text(&sb, &it->n);
	sb_add(&sb, "</p>\n");
	doc_blocks_html(&sb, &d);
	doc_free(&d);

	/* the objections as counts only (see objection_text) */
	sb_add(&sb, "<section class=\"objections\">\n<h2 class=\"section\">异议</h2>\n<p>");
	objection_text(&sb, it);
	sb_add(&sb, "。</p>\n");
	sb_add(&sb, "</section>\n</main>\n<footer>本页由议事厅生成，可在公示栏屏幕或手机上查看。</footer>\n"
	       "</body>\n</html>\n");
	char *path = xasprintf("%s/%s", dir, it->file);
	rc = out_write_file(path, sb.s, sb.len, err, errlen);
	free(path);
	sb_free(&sb);
	return rc;
}

static void index_card(struct strbuf *sb, const struct board_item *it)
{
	sb_add(sb, it->expired ? "<li class=\"card expired\">\n<h3><a href=\""
	                       : "<li class=\"card\">\n<h3><a href=\"");
	esc(sb, it->file);
	sb_add(sb, "\">");
	esc(sb, it->n.title);
	sb_add(sb, "</a></h3>\n<p class=\"meta\">");
	if (it->n.doc_no[0]) {
		esc(sb, it->n.doc_no);
		sb_add(sb, " · ");
	}
	sb_add(sb, out_notice_kind_name(it->n.kind));
	sb_add(sb, it->n.kind == NK_MEETING ? " · 会议 " : " · 议题 ");
	esc(sb, it->n.kind == NK_MEETING ? it->n.meeting_number : it->n.proposal_number);
	sb_add(sb, "</p>\n<p class=\"meta\">");
	period_text(sb, &it->n);
	sb_add(sb, "</p>\n<p class=\"meta\">");
	status_badge(sb, it);
	sb_add(sb, " ");
	objection_text(sb, it);
	sb_add(sb, "</p>\n</li>\n");
}

/* how long an expired notice stays on the board (the setting
 * "board_expired_days", default 30) */
static int expired_days(struct store *st)
{
	char v[32];
	if (store_setting_get(st, "board_expired_days", v, sizeof v) == 0) {
		char *end;
		long d = strtol(v, &end, 10);
		if (end != v && d >= 0 && d <= 3660)
			return (int)d;
	}
	return 30;
}

#define BOARD_MAX 500

int out_board_site(struct store *st, const char *dir, const char *today,
                   char *err, size_t errlen)
{
	struct community c;
	char site_title[300], cn_today[32];
	struct board_item *items = NULL;
	int nitems = 0, rc = 0;

	if (!dir || !*dir)
		return ys_err(err, errlen, "请用 -o 指定网页要写入的文件夹");
	if (!today || ys_parse_date(today, NULL) != 0)
		return ys_err(err, errlen, "日期不对：%s", today ? today : "");
	if (ys_mkdir_p(dir, err, errlen) != 0)
		return -1;
	memset(&c, 0, sizeof c);
	int r = store_community_get(st, &c);
	if (r < 0)
		return ys_err(err, errlen, "读取社区信息失败：%s", store_errmsg(st));
	snprintf(site_title, sizeof site_title, "%s居务公开栏", c.name);
	ys_cn_date(today, cn_today);
	int keep = expired_days(st);

	/* notices newest first; a posting period is never a year long, so
	 * the walk stops at notices that began more than a year ago */
	items = xcalloc(BOARD_MAX, sizeof *items);
	struct notice *page = xcalloc(LIST_PAGE, sizeof *page);
	char as[11] = "", ai[ID_LEN] = "";
	int stop = 0;
	while (!stop && nitems < BOARD_MAX) {
		int n = store_notice_page(st, as, ai, page, LIST_PAGE);
		if (n < 0) {
			rc = ys_err(err, errlen, "读取公示失败：%s", store_errmsg(st));
			break;
		}
		for (int i = 0; i < n; i++) {
			struct notice *x = &page[i];
			int ok_dates = ys_parse_date(x->start_date, NULL) == 0 &&
			               ys_parse_date(x->end_date, NULL) == 0;
			if (ok_dates && ys_days_between(x->start_date, today) > 366)
				stop = 1;
			if (!stop && ok_dates && nitems < BOARD_MAX &&
			    ys_days_between(x->start_date, today) >= 0 &&
			    ys_days_between(x->end_date, today) <= keep) {
				struct board_item *it = &items[nitems++];
				it->n = *x;
				it->made = cn_today;
				x->body = x->channel = x->attach = NULL;     /* moved into it->n */
				it->expired = ys_days_between(it->n.end_date, today) > 0;
				it->days_left = it->expired ? 0 : ys_days_between(today, it->n.end_date) + 1;
				snprintf(it->file, sizeof it->file, "%04d-%03d_%s.html",
				         it->n.year, it->n.seq, it->n.kind == NK_MEETING
				         ? it->n.meeting_number : it->n.proposal_number);
				if (store_objection_count(st, it->n.id, &it->objections, &it->unanswered) != 0) {
					it->objections = it->unanswered = 0;
				}
			}
		}
		if (n > 0) {
			ys_strlcpy(as, page[n - 1].start_date, sizeof as);
			ys_strlcpy(ai, page[n - 1].id, sizeof ai);
		}
		for (int i = 0; i < n; i++)
			notice_clear(&page[i]);
		if (n < LIST_PAGE)
			break;
	}
	free(page);

	for (int i = 0; rc == 0 && i < nitems; i++)
		rc = notice_page(st, dir, &items[i], site_title, err, errlen);

	if (rc == 0) {
		struct strbuf sb = { 0 };
		int posted = 0;
		for (int i = 0; i < nitems; i++)
			posted += !items[i].expired;
		page_head(&sb, site_title);
		sb_add(&sb, "<header class=\"top\"><h1>");
		esc(&sb, site_title);
		sb_add(&sb, "</h1><p>");
		esc(&sb, cn_today);
		sb_addf(&sb, "更新 · 正在公示 %d 项</p></header>\n<main>\n", posted);
		sb_add(&sb, "<h2 class=\"section\">正在公示</h2>\n");
		if (posted == 0)
			sb_add(&sb, "<p class=\"empty\">目前没有正在公示的事项。</p>\n");
		else {
			sb_add(&sb, "<ul class=\"cards\">\n");
			for (int i = 0; i < nitems; i++)
				if (!items[i].expired)
					index_card(&sb, &items[i]);
			sb_add(&sb, "</ul>\n");
		}
		if (posted < nitems) {
			sb_add(&sb, "<h2 class=\"section\">已过公示期</h2>\n<ul class=\"cards\">\n");
			for (int i = 0; i < nitems; i++)
				if (items[i].expired)
					index_card(&sb, &items[i]);
			sb_add(&sb, "</ul>\n");
		}
		sb_add(&sb, "</main>\n<footer>");
		if (c.phone[0]) {
			sb_add(&sb, "对公示事项有异议，请在公示期内联系");
			esc(&sb, c.committee[0] ? c.committee : c.name);
			sb_add(&sb, "，电话 ");
			esc(&sb, c.phone);
			sb_add(&sb, "。");
		}
		sb_add(&sb, "本页由议事厅生成。</footer>\n</body>\n</html>\n");
		char *path = xasprintf("%s/index.html", dir);
		rc = out_write_file(path, sb.s, sb.len, err, errlen);
		free(path);
		sb_free(&sb);
	}
	for (int i = 0; i < nitems; i++)
		notice_clear(&items[i].n);
	free(items);
	return rc;
}
