/* test_papers.c: the papers before a meeting (paper/papers.h), built for a
 * 居民会议 of 120 households and read back from the PDF with poppler-utils:
 * the sign-in sheet repeats its head on every page and lists 120 names once
 * each in order, 120 ballots at 4 a page make 30 pages, named ballots carry
 * each name, the agenda and the chair's script say the quorum and the rule,
 * and the fonts are embedded.  poppler-utils missing is a failure. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "t.h"
#include "fixture.h"
#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "ops/ops.h"
#include "paper/doc.h"
#include "paper/papers.h"
#include "store/store.h"

/* cairo 1.16 (Debian 12) loses 768 bytes per embedded font subset inside
 * cairo_surface_finish(), in every PDF with text (see test_pdf.c) */
const char *__lsan_default_suppressions(void);
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "fast_unwind_on_malloc=0"; }
const char *__lsan_default_suppressions(void) { return "leak:cairo_surface_finish\n"; }

static struct store *st;
static char err[512];
static char mid[ID_LEN];

enum { P_SEC, P_DIR, P_HOUSE, P_COUNT = P_HOUSE + 120 };
static const struct fx_group roster[] = {
	{ "张书记", ROLE_PARTY_CMTE | ROLE_PARTY, 1 },
	{ "李主任", ROLE_RES_CMTE | ROLE_PARTY, 1 },
	{ "住户", ROLE_HOUSEHOLD, 120 },
};

/* what a shell command writes to stdout; NULL if it failed */
static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *run(const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	char *cmd, buf[4096];
	FILE *f;
	size_t n;

	va_start(ap, fmt);
	cmd = xvasprintf(fmt, ap);
	va_end(ap);
	f = popen(cmd, "r");
	free(cmd);
	if (!f)
		return NULL;
	sb_add(&sb, "");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	if (pclose(f) != 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb_steal(&sb);
}

static int pdf_pages(const char *path)
{
	char *s = run("pdfinfo '%s'", path), *p;
	int n = -1;

	if (s && (p = strstr(s, "\nPages:")))
		n = atoi(p + 7);
	free(s);
	return n;
}

/* page i's text (0: all), spaces and line breaks taken out */
static char *page_text(const char *path, int i)
{
	char *s = i ? run("pdftotext -f %d -l %d -layout '%s' - | tr -d ' \\n'", i, i, path)
	            : run("pdftotext -layout '%s' - | tr -d ' \\n'", path);
	return s ? s : xstrdup("");
}

/* how often name occurs not followed by a digit (住户1 is not in 住户12) */
static int count_name(const char *text, const char *name)
{
	int n = 0;
	size_t len = strlen(name);

	for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
		if (p[len] < '0' || p[len] > '9')
			n++;
	return n;
}

static int count_str(const char *text, const char *s)
{
	int n = 0;

	for (const char *p = strstr(text, s); p; p = strstr(p + 1, s))
		n++;
	return n;
}

static const char *render(struct doc *d, const char *name)
{
	const char *path = fx_path(name);
	CHECK_INT(render_pdf(d, NULL, path, err, sizeof err), 0);
	return path;
}

static void test_setup(void)
{
	struct meeting m;

	CHECK_INT(fx_tmpdir("papers"), 0);
	CHECK_INT(fx_db_temp("papers"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(fx_people(roster, YS_ARRAY_LEN(roster), "1380000", 0), P_COUNT);
	fx_at("2026-11-22 09:00");
	fx_meeting_fill(&m, MK_RESIDENTS, "2026-11-22", "09:30", -1);
	CHECK_INT(fx_meeting_new(&m, NULL, 0,
	                         (const char *const[]){ "听取小区停车管理方案", "表决物业费调整方案" }, 2,
	                         mid), 0);
	meeting_clear(&m);
}

static void test_signin(void)
{
	struct doc d;
	const char *path;
	char name[32];
	int pages, last = -1, ok = 1;

	CHECK_INT(signin_doc(st, mid, SIGNIN_BY_NO, &d, err, sizeof err), 0);
	path = render(&d, "signin.pdf");
	doc_free(&d);
	pages = pdf_pages(path);
	/* 120 rows of 10 mm and the 列席 sheet: more than three pages */
	CHECK(pages > 3);
	char *all = page_text(path, 0);
	CHECK_CONTAINS(all, "签到表");
	CHECK_CONTAINS(all, "时间：2026年11月22日09:30");
	CHECK_CONTAINS(all, "参加对象：各户代表（应到120人）");
	CHECK_CONTAINS(all, "应到120人，实到______人，请假______人，缺席______人。");
	CHECK_CONTAINS(all, "记录人（签名）");
	CHECK_CONTAINS(all, "列席人员签到表");
	/* all 120 names, each once, in roster order */
	for (int i = 1; i <= 120; i++) {
		snprintf(name, sizeof name, "住户%d", i);
		const char *at = strstr(all, name);
		if (count_name(all, name) != 1 || !at || (int)(at - all) < last) {
			printf("  %s: %d times\n", name, count_name(all, name));
			ok = 0;
		}
		if (at)
			last = (int)(at - all);
	}
	CHECK_INT(ok, 1);
	free(all);
	/* the head on every page of the sheet (the last is the 列席 sheet's,
	 * which has its own) */
	for (int i = 1; i <= pages; i++) {
		char *t = page_text(path, i);
		CHECK_CONTAINS(t, "序号");
		CHECK_CONTAINS(t, "姓名");
		CHECK_CONTAINS(t, "签名");
		CHECK_CONTAINS(t, "备注");
		if (i < pages)
			CHECK_CONTAINS(t, "网格/楼栋");
		char *pg = xasprintf("第%d页共%d页", i, pages);
		CHECK_CONTAINS(t, pg);
		free(pg);
		free(t);
	}
	/* the fonts are in the file */
	char *f = run("pdffonts '%s'", path);
	CHECK(f != NULL && strstr(f, "yes yes") != NULL);
	free(f);
	/* sorted by grid: still every name once */
	CHECK_INT(signin_doc(st, mid, SIGNIN_BY_GRID, &d, err, sizeof err), 0);
	doc_free(&d);
	CHECK_INT(signin_doc(st, mid, 7, &d, err, sizeof err), -1);
	CHECK_STR(err, "签到表的排序方式无效。");
	doc_free(&d);
}

/* The cut lines on page i: how many 「✂」 (or 「剪」) there are, and whether
 * each stands at the end of its equal part of the text block (37 mm from
 * the top, 225 mm high, cut in `per` parts), within 1.5 pt. */
static int cuts_even(const char *path, int i, int per, int *n)
{
	const double mm = 72.0 / 25.4, top = 37 * mm, h = 225 * mm;
	char *s = run("pdftotext -enc UTF-8 -bbox -f %d -l %d '%s' -", i, i, path), *p;
	int ok = 1;

	*n = 0;
	for (p = s ? strstr(s, "<word ") : NULL; p; p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;
		char *end = strstr(p, "</word>");

		if (!end || sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		                   &x0, &y0, &x1, &y1) != 4)
			continue;
		if (strncmp(end - 3, "\u2702", 3) != 0 && strncmp(end - 3, "剪", 3) != 0)
			continue;
		++*n;
		double want = top + h * *n / per, centre = (y0 + y1) / 2;
		if (centre < want - 1.5 || centre > want + 1.5) {
			printf("  page %d: cut %d at %.1f pt, not %.1f\n", i, *n, centre, want);
			ok = 0;
		}
	}
	free(s);
	return ok;
}

static void test_ballots(void)
{
	struct doc d;
	struct ballot_opts o = { 0 }, used;
	const char *path;

	/* 120 ballots (应到) of one item, four to a page: 30 pages */
	o.items[0] = 2;
	o.nitems = 1;
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), 0);
	CHECK_INT(used.copies, 120);
	CHECK_INT(used.per_page, 4);
	path = render(&d, "ballots.pdf");
	doc_free(&d);
	CHECK_INT(pdf_pages(path), 30);
	char *t = page_text(path, 1);
	CHECK_INT(count_str(t, "表决票说明"), 0);       /* the title stands alone */
	CHECK_INT(count_str(t, "说明：同意的画"), 4);
	CHECK_CONTAINS(t, "同意的画“○”，不同意的画“×”，弃权的不画任何符号。");
	CHECK_CONTAINS(t, "表决物业费调整方案");
	CHECK_CONTAINS(t, "2026年第1次居民会议");
	CHECK_CONTAINS(t, "2026年11月22日");
	CHECK(strstr(t, "页") == NULL);              /* cut apart: no page number */
	free(t);
	/* the page cut in four alike pieces: the lines at 1/4, 1/2 and 3/4 */
	{
		int n;

		CHECK(cuts_even(path, 1, 4, &n));
		CHECK_INT(n, 3);
		CHECK(cuts_even(path, 30, 4, &n));
		CHECK_INT(n, 3);
	}
	char *f = run("pdffonts '%s'", path);
	CHECK(f != NULL && strstr(f, "yes yes") != NULL);
	free(f);

	/* both items on one ballot, two to a page asked: 60 pages */
	o = (struct ballot_opts){ .copies = 120, .per_page = 2 };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), 0);
	CHECK_INT(used.nitems, 2);
	path = render(&d, "ballots2.pdf");
	doc_free(&d);
	CHECK_INT(pdf_pages(path), 60);
	{
		int n;                    /* in halves: the cut in the middle */

		CHECK(cuts_even(path, 1, 2, &n));
		CHECK_INT(n, 1);
	}
	/* eight items cannot go four to a page */
	CHECK_INT(ballots_per_page_max(8), 1);
	/* each item separately: two sets */
	o = (struct ballot_opts){ .copies = 4, .per_page = 4, .separate = 1 };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), 0);
	path = render(&d, "ballots3.pdf");
	doc_free(&d);
	CHECK_INT(pdf_pages(path), 2);
	/* three of each: each item's set on a page of its own, not mixed */
	o = (struct ballot_opts){ .copies = 3, .per_page = 4, .separate = 1 };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), 0);
	path = render(&d, "ballots4.pdf");
	doc_free(&d);
	CHECK_INT(pdf_pages(path), 2);
	{
		char *p1 = page_text(path, 1), *p2 = page_text(path, 2);

		CHECK_INT(count_str(p1, "听取小区停车管理方案"), 3);
		CHECK_INT(count_str(p1, "表决物业费调整方案"), 0);
		CHECK_INT(count_str(p2, "表决物业费调整方案"), 3);
		free(p1);
		free(p2);
	}

	/* named: one per entitled person, with the name */
	o = (struct ballot_opts){ .named = 1, .per_page = 4 };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), 0);
	CHECK_INT(used.copies, 120);
	path = render(&d, "named.pdf");
	doc_free(&d);
	t = page_text(path, 0);
	CHECK_CONTAINS(t, "记名表决票");
	CHECK_INT(count_name(t, "表决人：住户1"), 1);
	CHECK_INT(count_name(t, "表决人：住户120"), 1);
	free(t);

	/* refusals */
	o = (struct ballot_opts){ .nitems = 1, .items = { 3 } };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有第 3 项议程（共 2 项）");
	o = (struct ballot_opts){ .per_page = 3 };
	CHECK_INT(ballots_doc(st, mid, &o, &d, &used, err, sizeof err), -1);
	CHECK_STR(err, "每页张数只能是 1、2 或 4。");
	doc_free(&d);
}

/* an item whose title takes four lines: measured as the PDF sets it,
 * fewer than four ballots fit a page; every ballot whole on its page, in
 * equal parts (a meeting of its own, made last: it takes a number) */
static void test_ballots_long(void)
{
	struct doc d;
	struct ballot_opts o, used;
	const char *path;
	{
		struct meeting m;
		char lid[ID_LEN];
		int n, per, pages;

		fx_meeting_fill(&m, MK_RESIDENTS, "2026-11-22", "14:30", -1);
		CHECK_INT(fx_meeting_new(&m, NULL, 0, (const char *const[]){
		          "关于小区东门外侧人行道违规停放非机动车、占道经营及夜间噪声扰民问题的综合治理方案"
		          "（含物业公司、城管中队与社区志愿者的分工及经费来源）" }, 1, lid), 0);
		meeting_clear(&m);
		o = (struct ballot_opts){ .copies = 8, .per_page = 4 };
		CHECK_INT(ballots_doc(st, lid, &o, &d, &used, err, sizeof err), 0);
		per = used.per_page;
		CHECK(per >= 2 && per < 4);
		path = render(&d, "ballots_long.pdf");
		doc_free(&d);
		pages = pdf_pages(path);
		CHECK_INT(pages, (8 + per - 1) / per);
		for (int pg = 1; pg <= pages; pg++) {
			char *pt = page_text(path, pg);
			int want = pg < pages ? per : 8 - per * (pages - 1);

			CHECK_INT(count_str(pt, "说明：同意的画"), want);
			CHECK_INT(count_str(pt, "序号表决事项同意不同意弃权"), want);   /* no table left behind */
			free(pt);
		}
		CHECK(cuts_even(path, 1, per, &n));
		CHECK_INT(n, per - 1);
	}
}

static void test_agenda_script(void)
{
	struct doc d;
	const char *path;

	CHECK_INT(agenda_doc(st, mid, &d, err, sizeof err), 0);
	path = render(&d, "agenda.pdf");
	doc_free(&d);
	char *t = page_text(path, 0);
	CHECK_CONTAINS(t, "2026年第1次居民会议议程");
	CHECK_CONTAINS(t, "一、主持人宣布开会，报告应到、实到人数");
	CHECK_CONTAINS(t, "二、听取小区停车管理方案");
	CHECK_CONTAINS(t, "三、表决物业费调整方案");
	CHECK_CONTAINS(t, "散会");
	free(t);

	/* before the meeting: 应到 known, 实到 blank, the quorum and the rule */
	CHECK_INT(script_doc(st, mid, VM_SECRET, &d, err, sizeof err), 0);
	path = render(&d, "script.pdf");
	doc_free(&d);
	t = page_text(path, 0);
	CHECK_CONTAINS(t, "主持词");
	CHECK_CONTAINS(t, "应到户代表120人，须有61人以上出席");
	CHECK_CONTAINS(t, "应到120人，实到______人，符合法定人数，现在开会。");
	free(t);

	/* at the meeting: the numbers filled in */
	fx_at("2026-11-22 10:00");
	CHECK_INT(ops_meeting_open(st, mid, "09:30", err, sizeof err), 0);
	CHECK_INT(fx_sign(mid, P_HOUSE, 70), 0);
	CHECK_INT(script_doc(st, mid, VM_HANDS, &d, err, sizeof err), 0);
	path = render(&d, "script2.pdf");
	doc_free(&d);
	t = page_text(path, 0);
	CHECK_CONTAINS(t, "应到120人，实到70人，符合法定人数，现在开会。");
	free(t);
	CHECK_INT(script_doc(st, mid, 9, &d, err, sizeof err), -1);
	doc_free(&d);
}

/* 会议通知: drafted, warned when too soon, refused after the meeting's day
 * or once it is held, numbered with the office's short name when posted */
static void test_meeting_notice(void)
{
	struct meeting_notice_req rq = { .bring = "户口簿或房产证复印件" };
	struct notice n;
	struct community c;
	char warn[768], pid[ID_LEN];
	struct meeting m;

	memset(&c, 0, sizeof c);
	snprintf(c.name, sizeof c.name, "军门社区");
	snprintf(c.phone, sizeof c.phone, "0591-87654321");
	CHECK_INT(ops_community_save(st, &c, err, sizeof err), 0);
	/* a meeting on the 26th, noticed on the 22nd: 4 of 7 days */
	fx_meeting_fill(&m, MK_RESIDENTS, "2026-11-26", "19:00", -1);
	CHECK_INT(fx_meeting_new(&m, NULL, 0, (const char *const[]){ "表决物业费调整方案" }, 1, pid), 0);
	meeting_clear(&m);
	CHECK_INT(ops_meeting_notice_draft(st, pid, &rq, &n, warn, sizeof warn, err, sizeof err), 0);
	CHECK_STR(n.title, "关于召开2026年第2次居民会议的通知");
	CHECK_STR(n.addressee, "各户代表");
	CHECK_STR(n.start_date, "2026-11-22");
	CHECK_STR(n.end_date, "2026-11-26");
	CHECK_CONTAINS(n.body, "兹定于2026年11月26日（星期四）19:00在社区党群服务中心二楼会议室召开");
	CHECK_CONTAINS(n.body, "参加对象：各户代表（应到 120 人）");
	CHECK_CONTAINS(n.body, "（2）表决物业费调整方案；");
	CHECK_CONTAINS(n.body, "请携带：户口簿或房产证复印件");
	CHECK_STR(n.doc_no, "");
	CHECK_CONTAINS(warn, "居民会议应提前 7 天通知");
	CHECK_CONTAINS(warn, "只有 4 天");
	notice_clear(&n);
	CHECK_INT(ops_notice_ahead_days(st, MK_PARTY), 3);
	CHECK_INT(ops_setting_set(st, "notice_ahead_3", "3", err, sizeof err), 0);
	CHECK_INT(ops_notice_ahead_warn(st, MK_RESIDENTS, "2026-11-26", "2026-11-22", warn,
	                                sizeof warn), 0);
	/* not after the meeting's day */
	rq.date = "2026-11-27";
	CHECK_INT(ops_meeting_notice_draft(st, pid, &rq, &n, warn, sizeof warn, err, sizeof err), -1);
	CHECK_STR(err, "张贴日期 2026-11-27 晚于会议日期 2026-11-26：会议通知须在会前张贴。");
	rq.date = NULL;
	/* posted: numbered with the office's short name */
	snprintf(c.doc_abbr, sizeof c.doc_abbr, "军社");
	CHECK_INT(ops_community_save(st, &c, err, sizeof err), 0);
	CHECK_INT(ops_meeting_notice_new(st, pid, &rq, &n, err, sizeof err), 0);
	CHECK_STR(n.doc_no, "军社〔2026〕1号");
	CHECK_INT(n.kind, NK_MEETING);
	notice_clear(&n);
	CHECK_INT(store_notice_for_meeting(st, pid, &n), 0);
	CHECK_STR(n.meeting_number, "2026-H-02");
	CHECK_STR(n.proposal_id, "");
	notice_clear(&n);
	snprintf(c.doc_abbr, sizeof c.doc_abbr, "军 社");
	CHECK_INT(ops_community_save(st, &c, err, sizeof err), -1);
	CHECK_CONTAINS(err, "发文机关代字");
	/* a meeting already held gets no notice */
	CHECK_INT(ops_meeting_notice_draft(st, mid, &rq, &n, warn, sizeof warn, err, sizeof err), -1);
	CHECK_CONTAINS(err, "已经召开");
	struct fx_lines l = { 0 };
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	CHECK_STR(l.all, "");
}

/* the statements of a rule said before the vote */
static void test_rule_statements(void)
{
	struct rule_set r;
	char buf[256];

	memset(&r, 0, sizeof r);
	r.q_base = BASE_ENTITLED;
	r.q_cmp = CMP_GE;
	r.q_num = 1;
	r.q_den = 2;
	r.p_base = BASE_ENTITLED;
	r.p_cmp = CMP_GT;
	r.p_num = 1;
	r.p_den = 2;
	rule_pass_statement(&r, 30, -1, "应到会有表决权的党员", buf, sizeof buf);
	CHECK_STR(buf, "赞成须超过应到会有表决权的党员 30 人的半数，即至少 16 票");
	rule_quorum_statement(&r, 30, "应到会有表决权的党员", buf, sizeof buf);
	CHECK_STR(buf, "应到会有表决权的党员 30 人，须有 15 人以上出席（应到的半数以上）");
	r.p_base = BASE_PRESENT;
	rule_pass_statement(&r, 30, -1, NULL, buf, sizeof buf);
	CHECK_STR(buf, "赞成须超过出席人数的半数（按实到人数计算）");
	rule_pass_statement(&r, 30, 21, NULL, buf, sizeof buf);
	CHECK_STR(buf, "赞成须超过出席人数 21 人的半数，即至少 11 票");
	r.q_num = 0;
	rule_quorum_statement(&r, 30, NULL, buf, sizeof buf);
	CHECK_STR(buf, "本表决规则不设法定人数");
}

int main(void)
{
	setenv("YISHITING_NOW", "2026-11-22 09:00", 1);
	RUN(test_rule_statements);
	RUN(test_setup);
	if (st) {
		RUN(test_signin);
		RUN(test_ballots);
		RUN(test_agenda_script);
		RUN(test_meeting_notice);
		RUN(test_ballots_long);
	}
	fx_db_done(st);
	fx_tmpdir_remove();
	/* the font caches freed, so that LeakSanitizer sees only ours */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	T_DONE();
}
