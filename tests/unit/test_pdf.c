/* test_pdf.c: render_pdf() — docs built by hand, rendered, and read back
 * with poppler-utils (pdftotext, pdfinfo, pdffonts): the Chinese text is
 * there and intact, long documents paginate with 「第 i 页 共 N 页」 (or
 * GB/T 9704's 「— i —」, odd pages right, even pages left, or nothing) and
 * the digest on every page, no line starts with closing punctuation, the
 * CJK font is embedded; tables repeat their head on every page and never
 * split a row, cut lines come out.  poppler-utils missing is a failure,
 * not a skip.
 * YS_PDF_KEEP=1 keeps the temporary folder to look at the files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "t.h"
#include "fixture.h"
#include "paper/doc.h"
#include "base/util.h"
#include "base/embed.h"

/* Stand-ins so this test links on its own; the real tables (built from
 * data/) take precedence when linked with embed.o. */
__attribute__((weak)) const struct embedded_file embedded_files[1] = {{0}};
__attribute__((weak)) const size_t embedded_count = 0;

#include "pdf_sanitizer.h"

static int have_poppler = -1;

#define MM_PT (72.0 / 25.4)

#define DIGEST "封存摘要（SM3）：66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"

/* ---- helpers ---------------------------------------------------------------- */

/* everything a shell command writes to stdout; NULL if it could not run
 * or failed */
static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *run(const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	char *cmd, buf[4096];
	FILE *f;
	size_t n;
	int st;

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
	st = pclose(f);
	if (st != 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb_steal(&sb);
}

/* poppler-utils must be there: a missing tool fails the test with the fix */
static int poppler(void)
{
	if (have_poppler < 0) {
		char *s = run("command -v pdftotext && command -v pdfinfo && command -v pdffonts");
		have_poppler = s != NULL;
		free(s);
	}
	if (!have_poppler) {
		printf("FAIL %s: pdftotext/pdfinfo/pdffonts 不在：请安装 poppler-utils"
		       "（make check 会调用 tools/deps.sh test 安装；或 sudo apt-get install poppler-utils）\n",
		       t_cur);
		t_cur_failed = 1;
	}
	return have_poppler;
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

/* the value of a pdfinfo field ("Title", "Creator"), trimmed; caller frees */
static char *pdf_info(const char *path, const char *key)
{
	char *s = run("pdfinfo '%s'", path), *p, *e, *v = NULL;
	char *k = xasprintf("%s:", key);

	if (s && (p = strstr(s, k)) && (p == s || p[-1] == '\n')) {
		p += strlen(k);
		while (*p == ' ')
			p++;
		e = strchr(p, '\n');
		v = e ? xasprintf("%.*s", (int)(e - p), p) : xstrdup(p);
	}
	free(k);
	free(s);
	return v;
}

/* split text at form feeds (pdftotext ends every page with one) */
static size_t split_pages(char *s, char **pages, size_t max)
{
	size_t n = 0;

	while (*s && n < max) {
		char *ff = strchr(s, '\f');

		pages[n++] = s;
		if (!ff)
			break;
		*ff = '\0';
		s = ff + 1;
	}
	return n;
}

/* a copy without ASCII spaces: poppler never reports a space next to an
 * ideograph (「第 1 页」 comes out as 「第1页」), so texts are compared
 * without them; caller frees */
static char *nospace(const char *s)
{
	char *c = xstrdup(s), *w = c;

	for (const char *r = c; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	return c;
}

/* body contains needle, spaces aside */
#define CHECK_HAS(body, needle) do { char *_ns = nospace(needle); \
	CHECK_CONTAINS(body, _ns); free(_ns); } while (0)

/* trim ASCII white space and U+3000 at both ends, in place */
static char *trim(char *s)
{
	return ys_trim(s);
}

static const char *const no_start[] = {
	"。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》",
};
static const char *const no_end[] = { "（", "「", "『", "【", "《" };

/* every line of the text, trimmed, checked: none starts with a closing
 * mark, none ends with an opening one; returns the number of lines */
static int check_line_starts(const char *text)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	int lines = 0;

	for (line = strtok_r(copy, "\n\f", &save); line; line = strtok_r(NULL, "\n\f", &save)) {
		char *t = trim(line);
		size_t tl = strlen(t);

		if (!*t)
			continue;
		lines++;
		for (size_t i = 0; i < YS_ARRAY_LEN(no_start); i++)
			if (strncmp(t, no_start[i], strlen(no_start[i])) == 0) {
				printf("  line starts with %s: \"%s\"\n", no_start[i], t);
				t_cur_failed = 1;
			}
		for (size_t i = 0; i < YS_ARRAY_LEN(no_end); i++) {
			size_t l = strlen(no_end[i]);

			if (tl >= l && strcmp(t + tl - l, no_end[i]) == 0) {
				printf("  line ends with %s: \"%s\"\n", no_end[i], t);
				t_cur_failed = 1;
			}
		}
	}
	free(copy);
	return lines;
}

/* a page number as pdftotext gives it, spaces aside: 「第1页共3页」 or
 * 「—1—」 */
static int is_pageno(const char *line)
{
	char *t = nospace(line), tail[8];
	int a, b, r;

	r = sscanf(t, "第%d页共%d页%7s", &a, &b, tail) == 2 ||
	    sscanf(t, "\u2014%d\u2014%7s", &a, tail) == 1;
	free(t);
	return r;
}

/* pdftotext's reading-order text with the page furniture (page numbers,
 * the digest) left out and the lines joined without separators (and
 * without spaces, see nospace()), so a paragraph wrapped over lines and
 * pages reads as one string again; footer without spaces */
static char *joined_body(const char *text, const char *footer)
{
	struct strbuf sb = {0};
	char *copy = xstrdup(text), *line, *save = NULL;

	sb_add(&sb, "");
	for (line = strtok_r(copy, "\n\f", &save); line; line = strtok_r(NULL, "\n\f", &save)) {
		char *t = nospace(trim(line));

		if (!(is_pageno(t) || (footer && strcmp(t, footer) == 0)))
			sb_add(&sb, t);
		free(t);
	}
	free(copy);
	return sb_steal(&sb);
}

/* pdffonts: some font with CJK in its name embedded, no Type 3 (bitmap
 * boxes) */
static void check_fonts(const char *path, const char *want)
{
	char *s = run("pdffonts '%s'", path), *copy, *line, *save = NULL;
	int cjk_emb = 0, rows = 0;

	CHECK(s != NULL);
	if (!s)
		return;
	copy = xstrdup(s);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[256], w[8][64];
		int k;

		if (strncmp(line, "name ", 5) == 0 || strncmp(line, "----", 4) == 0)
			continue;
		rows++;
		if (strstr(line, "Type 3")) {
			printf("  Type 3 font: %s\n", line);
			t_cur_failed = 1;
		}
		/* name type... encoding emb sub uni object ID: the last five
		 * words are emb sub uni object ID */
		k = sscanf(line, "%255s", name);
		if (k != 1)
			continue;
		{
			char *words = line, *tok, *sv = NULL;
			int nw = 0;

			for (tok = strtok_r(words, " ", &sv); tok; tok = strtok_r(NULL, " ", &sv)) {
				if (nw < 8) {
					ys_strlcpy(w[nw], tok, sizeof w[nw]);
					nw++;
				} else {
					memmove(w[0], w[1], sizeof w - sizeof w[0]);
					ys_strlcpy(w[7], tok, sizeof w[7]);
				}
			}
			if (nw >= 5 && strstr(name, want) &&
			    strcmp(w[nw - 5], "yes") == 0 && strcmp(w[nw - 3], "yes") == 0)
				cjk_emb = 1;       /* embedded, with a ToUnicode map */
		}
	}
	if (!cjk_emb)
		printf("  pdffonts shows no embedded %s font:\n%s", want, s);
	CHECK(rows > 0);
	CHECK(cjk_emb);
	free(copy);
	free(s);
}

/* the text of page i alone (pdftotext -f i -l i); caller frees */
static char *page_text(const char *path, int i)
{
	return run("pdftotext -enc UTF-8 -f %d -l %d '%s' -", i, i, path);
}

/* The words on page i that are `word` (pdftotext -bbox) and lie below
 * y_from: how many, the least xMin and the greatest xMax, the least yMin
 * and the greatest yMax. */
struct span { int n; double x0, x1, y0, y1; };

static struct span word_span(const char *path, int i, const char *word, double y_from)
{
	char *s = run("pdftotext -enc UTF-8 -bbox -f %d -l %d '%s' -", i, i, path), *p;
	char *want = xasprintf(">%s</word>", word);
	struct span sp = { 0, 1e9, -1e9, 1e9, -1e9 };

	for (p = s ? strstr(s, want) : NULL; p; p = strstr(p + 1, want)) {
		char *open = p;
		double x0, y0, x1, y1;

		while (open > s && strncmp(open, "<word ", 6) != 0)
			open--;
		if (sscanf(open, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		           &x0, &y0, &x1, &y1) != 4 || y0 < y_from)
			continue;
		sp.n++;
		if (x0 < sp.x0)
			sp.x0 = x0;
		if (x1 > sp.x1)
			sp.x1 = x1;
		if (y0 < sp.y0)
			sp.y0 = y0;
		if (y1 > sp.y1)
			sp.y1 = y1;
	}
	free(want);
	free(s);
	return sp;
}

/* the words on page i that reach below the text block's bottom edge but
 * start above the page furniture (7 mm under it): text run off the block */
static int words_past_block(const char *path, int i)
{
	const double bottom = (37 + 225) * MM_PT;
	char *s = run("pdftotext -enc UTF-8 -bbox -f %d -l %d '%s' -", i, i, path), *p;
	int n = 0;

	for (p = s ? strstr(s, "<word ") : NULL; p; p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;

		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		           &x0, &y0, &x1, &y1) == 4 && y1 > bottom + 0.5 && y0 < bottom + 5 * MM_PT) {
			if (n++ < 3)
				printf("  page %d: a word past the block: %.60s\n", i, p);
		}
	}
	free(s);
	return n;
}

/* how many times needle occurs in hay */
static int count_of(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ---- documents ------------------------------------------------------------------ */

static const char *const notice_fields[][2] = {
	{ "主送", "全体居民" },
	{ "公示期", "2026年11月22日至2026年11月28日（共七天）" },
	{ "异议渠道", "公示期内对上述事项有异议的，请向社区居民委员会提出（居委会办公室，电话 010-6543 2100），"
	              "也可以投入一楼大厅的意见箱，或在居民议事群中联系记录人；逾期未提出的视为无异议。" },
};
static const char *const notice_paras[] = {
	"2026年11月20日，本社区召开居民代表会议，应到居民代表35人，实到31人，到会人数超过应到人数的三分之二，"
	"会议有效。会议以举手表决方式审议了《关于3号楼加装电梯的方案》，赞成27票，反对2票，弃权2票，"
	"赞成票超过实到人数的半数，方案获得通过。",
	"根据《城市居民委员会组织法》和本社区《居民会议议事规则》的规定，现将会议决定公示如下：同意3号楼一单元加装电梯，"
	"费用按楼层分摊（“一楼不出资，二楼及以上按系数分摊”），由居委会协助业主申请补贴。",
};

static void build_notice(struct doc *d)
{
	doc_init(d, DOC_NOTICE);
	d->title = xstrdup("关于3号楼加装电梯的公示");
	d->number = xstrdup("2026-017");
	d->footer = xstrdup(DIGEST);
	doc_add(d, B_TITLE, NULL, "关于3号楼加装电梯的公示");
	doc_add(d, B_SUBTITLE, NULL, "〔2026〕17号");
	doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_FIELD, notice_fields[0][0], notice_fields[0][1]);
	for (size_t i = 0; i < YS_ARRAY_LEN(notice_paras); i++)
		doc_add(d, B_PARA, NULL, notice_paras[i]);
	doc_add(d, B_FIELD, notice_fields[1][0], notice_fields[1][1]);
	doc_add(d, B_FIELD, notice_fields[2][0], notice_fields[2][1]);
	doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_RIGHT, NULL, "中共幸福里社区委员会");
	doc_add(d, B_RIGHT, NULL, "幸福里社区居民委员会");
	doc_add(d, B_RIGHT, NULL, "2026年11月22日");
}

#define NLINES 300
static const char *const names[] = { "张三", "李四", "王秀英", "赵建国", "欧阳明华", "陈静" };
static const char *const phrases[] = {
	"我同意加装电梯的方案", "但是费用分摊的比例要再商量", "一楼的住户意见比较大",
	"施工期间车辆怎么停放", "噪声要控制在白天", "补贴申请材料由居委会统一报送",
	"（附议）", "「老旧小区改造」的政策今年还有名额", "维修基金能不能动用",
	"请物业公司在下次会议前给出报价", "我代表五楼、六楼的住户发言", "这个问题上次会议已经讨论过",
};
static const char *const puncts[] = { "，", "。", "、", "；", "：", "？", "！" };

/* minute line i: "14:05 张三：……" of varied length, some wrapping over
 * several lines */
static char *minute_line(int i)
{
	struct strbuf sb = {0};
	int words = 1 + (i * 7) % 11 + (i % 17 == 0 ? 14 : 0);

	sb_addf(&sb, "%02d:%02d %s：", 14 + i / 120, (i / 2) % 60, names[i % YS_ARRAY_LEN(names)]);
	for (int w = 0; w < words; w++) {
		sb_add(&sb, phrases[(i + w * 5) % YS_ARRAY_LEN(phrases)]);
		sb_add(&sb, w == words - 1 ? "。" : puncts[(i + w) % YS_ARRAY_LEN(puncts)]);
	}
	return sb_steal(&sb);
}

static const char *const minutes_fields[][2] = {
	{ "会议名称", "幸福里社区2026年第5次居民代表会议" },
	{ "日期", "2026年11月20日" },
	{ "起止时间", "14:00—17:30" },
	{ "地点", "社区党群服务中心二楼会议室" },
	{ "主持人", "王秀英（居委会主任）" },
	{ "记录人", "陈静" },
	{ "应到人数", "35" },
	{ "实到人数", "31" },
	{ "出席名单", "张三、李四、王秀英、赵建国、欧阳明华、陈静、刘洋、杨帆、黄丽、周杰、吴敏、徐强、孙悦、马超、朱琳、"
	              "胡军、郭芳、何平、高峰、林静、罗勇、郑爽、梁艳、谢东、宋佳、唐亮、许可、韩梅、冯刚、邓超、曹雪" },
	{ "缺席人员及原因", "程远（请假，出差）、袁媛（请假，病假）、邓华（缺席）、傅强（请假）" },
};

static void build_minutes(struct doc *d)
{
	doc_init(d, DOC_MINUTES);
	d->title = xstrdup("幸福里社区居民代表会议记录");
	d->number = xstrdup("2026-H-05");
	d->footer = xstrdup(DIGEST);
	doc_add(d, B_TITLE, NULL, "幸福里社区居民代表会议记录");
	doc_add(d, B_SUBTITLE, NULL, "2026-H-05");
	for (size_t i = 0; i < YS_ARRAY_LEN(minutes_fields); i++)
		doc_add(d, B_FIELD, minutes_fields[i][0], minutes_fields[i][1]);
	doc_add(d, B_HEADING, NULL, "一、发言摘要");
	for (int i = 0; i < NLINES; i++) {
		char *s = minute_line(i);

		doc_add(d, B_LINE, NULL, s);
		free(s);
	}
	doc_add(d, B_HEADING, NULL, "二、表决结果");
	doc_add(d, B_PARA, NULL, "赞成27票，反对2票，弃权2票。赞成票超过实到人数的半数，决议通过。");
	doc_add(d, B_CENTER, NULL, "散会");
	doc_add(d, B_SIGN, "主持人", "");
	doc_add(d, B_SIGN, "记录人", "");
}

/* a sign-in sheet (签到表): 120 residents in a table of tall rows */
#define NSIGNIN 120
static const char *const signin_head[] = { "序号", "姓名", "身份/职务", "网格/楼栋", "签名", "备注" };
static const int signin_colw[] = { 6, 16, 22, 18, 26, 12 };
static const char *const signin_roles[] = { "居民代表", "户代表", "楼栋长", "党员", "居委会委员" };

static char *signin_name(int i)
{
	return xasprintf("居民%03d", i + 1);
}

static void build_signin(struct doc *d)
{
	doc_init(d, DOC_SIGNIN);
	d->title = xstrdup("幸福里社区居民代表会议签到表");
	doc_add(d, B_TITLE, NULL, "幸福里社区居民代表会议签到表");
	doc_add(d, B_FIELD, "会议时间", "2026年11月20日14:00");
	doc_add(d, B_FIELD, "会议地点", "社区党群服务中心二楼会议室");
	doc_table(d, 6, signin_colw, 10, 1, signin_head);
	for (int i = 0; i < NSIGNIN; i++) {
		char *no = xasprintf("%d", i + 1), *name = signin_name(i);
		char *grid = xasprintf("%d号楼%d单元", 1 + i % 9, 1 + i % 3);
		/* now and then a note that wraps inside its narrow column */
		const char *cells[6] = { no, name, signin_roles[i % 5], grid, "",
		                         i % 17 == 5 ? "委托家属代签，已电话核实" : "" };

		doc_row(d, 6, cells);
		free(no);
		free(name);
		free(grid);
	}
	doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_LINE, NULL, "应到120人，实到____人。");
}

/* ballots (表决票): eight, four to a page, cut lines between them; the
 * cut after a page break stands at the top of a page and is not drawn */
#define NBALLOTS 8
static const char *const ballot_head[] = { "同意", "不同意", "弃权" };

static void build_ballots(struct doc *d)
{
	static const int w[] = { 1, 1, 1 };

	doc_init(d, DOC_BALLOTS);
	d->pageno = PN_NONE;
	d->title = xstrdup("表决票");
	for (int i = 0; i < NBALLOTS; i++) {
		if (i > 0 && i % 4 == 0)
			doc_add(d, B_PAGEBREAK, NULL, "");
		if (i > 0)
			doc_add(d, B_CUT, NULL, "");
		doc_addf(d, B_CENTER, NULL, "幸福里社区居民代表会议表决票（第%d张）", i + 1);
		doc_add(d, B_FIELD, "议题", "关于3号楼加装电梯的方案");
		doc_table(d, 3, w, 12, 7, ballot_head);
		doc_row(d, 0, NULL);
		doc_add(d, B_LINE, NULL, "请在选定的一格内划「√」，多划或不划的视为弃权。");
	}
}

/* ---- tests -------------------------------------------------------------------- */

/* render, then: pages, furniture on every page, line starts, fonts;
 * returns the pdftotext text (caller frees) and the page count */
static char *render_and_read(const struct doc *d, const struct pdf_opts *o,
                             const char *name, int *npages, const char *font)
{
	const char *path = fx_path(name);
	char err[512] = "x", *raw, *layout, *pages[1000], *v;
	size_t np;

	*npages = -1;
	CHECK_INT(render_pdf(d, o, path, err, sizeof err), 0);
	CHECK_STR(err, "");
	if (!poppler())
		return NULL;
	*npages = pdf_pages(path);
	CHECK(*npages >= 1);

	v = pdf_info(path, "Title");
	CHECK_STR(v, d->title);
	free(v);
	v = pdf_info(path, "Creator");
	CHECK_STR(v, "议事厅 yishiting");
	free(v);

	layout = run("pdftotext -enc UTF-8 -layout '%s' -", path);
	raw = run("pdftotext -enc UTF-8 '%s' -", path);
	CHECK(layout != NULL);
	CHECK(raw != NULL);
	if (layout && raw) {
		np = split_pages(layout, pages, YS_ARRAY_LEN(pages));
		CHECK_INT(np, *npages);
		for (size_t i = 0; i < np; i++) {
			char want[64], other[64], *pg = nospace(pages[i]);

			/* the number the doc asks for, and not the other kind */
			snprintf(want, sizeof want, "第%zu页共%d页", i + 1, *npages);
			snprintf(other, sizeof other, "\u2014%zu\u2014", i + 1);
			if (d->pageno == PN_GB) {
				char *t = xstrdup(want);

				snprintf(want, sizeof want, "%s", other);
				snprintf(other, sizeof other, "%s", t);
				free(t);
			}
			if (d->pageno != PN_NONE && !strstr(pg, want)) {
				printf("  page %zu lacks 「%s」\n", i + 1, want);
				t_cur_failed = 1;
			}
			if (strstr(pg, other) || (d->pageno == PN_NONE && strstr(pg, want))) {
				printf("  page %zu has a page number it should not have\n", i + 1);
				t_cur_failed = 1;
			}
			if (d->footer && !strstr(pages[i], d->footer)) {
				printf("  page %zu lacks the digest\n", i + 1);
				t_cur_failed = 1;
			}
			free(pg);
		}
		check_line_starts(raw);
		check_line_starts(layout);
		check_fonts(path, font);
	}
	free(layout);
	return raw;
}

static void t_notice(void)
{
	struct doc d;
	char *raw, *body;
	int n;

	build_notice(&d);
	raw = render_and_read(&d, NULL, "notice.pdf", &n, "NotoSerifCJK");
	if (raw) {
		CHECK_INT(n, 1);
		body = joined_body(raw, d.footer);
		CHECK_HAS(body, "关于3号楼加装电梯的公示");
		CHECK_HAS(body, "〔2026〕17号");
		for (size_t i = 0; i < YS_ARRAY_LEN(notice_fields); i++) {
			char *f = xasprintf("%s：%s", notice_fields[i][0], notice_fields[i][1]);

			CHECK_HAS(body, f);
			free(f);
		}
		for (size_t i = 0; i < YS_ARRAY_LEN(notice_paras); i++)
			CHECK_HAS(body, notice_paras[i]);
		CHECK_HAS(body, "中共幸福里社区委员会");
		CHECK_HAS(body, "幸福里社区居民委员会");
		CHECK_HAS(body, "2026年11月22日");
		free(body);
		/* GB/T 9704 7.3.5.1: the 成文日期 右空四字 (28 characters to the
		 * line: one is 156 mm / 28), each 署名 centred on it */
		{
			const char *path = fx_path("notice.pdf");
			const double right = (28 + 156) * MM_PT, ch = 156 * MM_PT / 28;
			struct span date = word_span(path, 1, "2026年11月22日", 0);
			struct span party = word_span(path, 1, "中共幸福里社区委员会", 0);
			struct span com = word_span(path, 1, "幸福里社区居民委员会", 0);
			double mid = (date.x0 + date.x1) / 2;

			CHECK_INT(date.n, 1);
			CHECK_INT(party.n, 1);
			CHECK_INT(com.n, 1);
			if (date.n == 1 && party.n == 1 && com.n == 1) {
				printf("  date ends %.1f pt from the right edge (4 characters: %.1f); "
				       "centres %.1f %.1f %.1f\n", right - date.x1, 4 * ch, mid,
				       (party.x0 + party.x1) / 2, (com.x0 + com.x1) / 2);
				CHECK(right - date.x1 > 4 * ch - 2 && right - date.x1 < 4 * ch + 2);
				CHECK((party.x0 + party.x1) / 2 > mid - 2 && (party.x0 + party.x1) / 2 < mid + 2);
				CHECK((com.x0 + com.x1) / 2 > mid - 2 && (com.x0 + com.x1) / 2 < mid + 2);
				CHECK(party.y1 <= com.y0 + 0.5 && com.y1 <= date.y0 + 0.5);
			}
		}
	}
	free(raw);
	doc_free(&d);
}

/* the bidirectional controls never reach the page: 「\u202E0051元」 would
 * print as 「元1500」 */
static void t_bidi(void)
{
	struct doc d;
	char *raw;
	int n;

	doc_init(&d, DOC_NOTICE);
	d.title = xstrdup("异议答复");
	doc_add(&d, B_TITLE, NULL, "异议\u2066答复\u2069");
	doc_add(&d, B_PARA, NULL, "补偿\u202E0051元\u202C，由物业\u200F承担。");
	doc_add(&d, B_FIELD, "金\u202D额", "\u202B3000元");
	raw = render_and_read(&d, NULL, "bidi.pdf", &n, "NotoSerifCJK");
	if (raw) {
		CHECK_HAS(raw, "补偿0051元，由物业承担。");
		CHECK_HAS(raw, "异议答复");
		CHECK_HAS(raw, "金额：3000元");
		CHECK(strstr(raw, "\u202E") == NULL && strstr(raw, "\u2066") == NULL);
	}
	free(raw);
	doc_free(&d);
}

static void t_minutes_long(void)
{
	struct doc d;
	char *raw, *body;
	int n, missing = 0;

	build_minutes(&d);
	raw = render_and_read(&d, NULL, "minutes.pdf", &n, "NotoSerifCJK");
	if (raw) {
		CHECK(n > 1);
		body = joined_body(raw, d.footer);
		CHECK_HAS(body, "幸福里社区居民代表会议记录");
		for (size_t i = 0; i < YS_ARRAY_LEN(minutes_fields); i++) {
			char *f = xasprintf("%s：%s", minutes_fields[i][0], minutes_fields[i][1]);

			CHECK_HAS(body, f);
			free(f);
		}
		for (int i = 0; i < NLINES; i++) {
			char *s = minute_line(i), *ns = nospace(s);

			if (!strstr(body, ns)) {
				if (missing++ < 3)
					printf("  minute line %d not intact: %s\n", i, s);
				t_cur_failed = 1;
			}
			free(ns);
			free(s);
		}
		CHECK_HAS(body, "二、表决结果");
		CHECK_HAS(body, "散会");
		CHECK_HAS(body, "主持人：");
		CHECK_HAS(body, "记录人：");
		free(body);
	}
	free(raw);
	doc_free(&d);
}

/* the GB/T grid for a notice: 28 characters a line, 22 lines a page; and
 * for minutes at 12 pt, 37 a line, 30 a page */
static void check_grid(int kind, int cpl, int lpp)
{
	struct doc d;
	struct strbuf sb = {0};
	const char *path = fx_path("grid.pdf");
	char err[512], *s, *pages[8], *line, *sv = NULL;
	int count = 0;

	doc_init(&d, kind);
	d.title = xstrdup("grid");
	/* 2 × cpl ideographs, no punctuation: the first line must hold cpl */
	for (int i = 0; i < 2 * cpl; i++)
		sb_add(&sb, "议");
	doc_add(&d, B_LINE, NULL, sb.s);
	sb_free(&sb);
	for (int i = 2; i < lpp + 5; i++)
		doc_addf(&d, B_LINE, NULL, "第%03d行", i + 1);
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	if (s) {
		CHECK_INT(split_pages(s, pages, YS_ARRAY_LEN(pages)), 2);
		for (line = strtok_r(pages[0], "\n", &sv); line; line = strtok_r(NULL, "\n", &sv)) {
			line = trim(line);
			if (count == 0)
				CHECK_INT(g_utf8_strlen(line, -1), cpl);
			if (*line && !is_pageno(line))
				count++;
		}
		CHECK_INT(count, lpp);
		{
			char want[32];

			snprintf(want, sizeof want, "第%03d行", lpp + 1);
			CHECK_CONTAINS(pages[1], want);
		}
	}
	free(s);
	doc_free(&d);
}

static void t_grid_notice(void)
{
	check_grid(DOC_NOTICE, 28, 22);
}

static void t_grid_minutes(void)
{
	check_grid(DOC_MINUTES, 37, 30);
}

/* a meeting notice (会议通知) is set as a notice: 16 pt, GB/T 9704 grid
 * and numbering */
static void t_grid_meeting_notice(void)
{
	check_grid(DOC_MEETING_NOTICE, 28, 22);
}

/* the characters on the first line of a doc of one long line of
 * ideographs: the body size the renderer took */
static int first_line_chars(struct doc *d, const struct pdf_opts *o)
{
	struct strbuf sb = {0};
	const char *path = fx_path("sizes.pdf");
	char err[512], *s, *nl;
	int n = -1;

	for (int i = 0; i < 80; i++)
		sb_add(&sb, "议");
	doc_add(d, B_LINE, NULL, sb.s);
	sb_free(&sb);
	CHECK_INT(render_pdf(d, o, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	if (s && (nl = strchr(s, '\n'))) {
		*nl = '\0';
		n = (int)g_utf8_strlen(trim(s), -1);
	}
	free(s);
	return n;
}

/* the doc's own body size (a sign-in sheet at 14 pt: 156 mm / 14 pt = 31.6,
 * 32 to a line), and pdf_opts' over it (12 pt: 37) */
static void t_doc_sizes(void)
{
	struct doc d;
	struct pdf_opts o = { NULL, NULL, 0, 12 };

	doc_init(&d, DOC_SIGNIN);
	d.title = xstrdup("sizes");
	CHECK_INT(d.pageno, PN_OF_TOTAL);
	d.body_pt = 14;
	CHECK_INT(first_line_chars(&d, NULL), 32);
	doc_free(&d);
	doc_init(&d, DOC_SIGNIN);
	d.title = xstrdup("sizes");
	d.body_pt = 14;
	CHECK_INT(first_line_chars(&d, &o), 37);
	doc_free(&d);
	doc_init(&d, DOC_BALLOTS);
	d.title = xstrdup("sizes");
	CHECK_INT(first_line_chars(&d, NULL), 37);
	doc_free(&d);
}

/* a closing mark exactly where a line would break: pango moves it */
static void t_kinsoku(void)
{
	struct doc d;
	struct strbuf sb = {0};
	const char *path = fx_path("kinsoku.pdf");
	char err[512], *s;

	doc_init(&d, DOC_NOTICE);
	d.title = xstrdup("kinsoku");
	for (size_t k = 0; k < YS_ARRAY_LEN(no_start); k++) {
		/* B_LINE: 28 to a line; B_PARA: 26 on the first (indent) */
		for (int kind = 0; kind < 2; kind++) {
			int fill = kind ? 26 : 28;

			sb_free(&sb);
			sb_add(&sb, "");
			for (int i = 0; i < fill; i++)
				sb_add(&sb, i % 2 ? "事" : "议");
			sb_add(&sb, no_start[k]);
			sb_add(&sb, "后面还有一些文字");
			doc_add(&d, kind ? B_PARA : B_LINE, NULL, sb.s);
		}
	}
	/* and an opening mark at the end of a line */
	for (size_t k = 0; k < YS_ARRAY_LEN(no_end); k++) {
		sb_free(&sb);
		sb_add(&sb, "");
		for (int i = 0; i < 27; i++)
			sb_add(&sb, "议");
		sb_add(&sb, no_end[k]);
		sb_add(&sb, "引文");
		doc_add(&d, B_LINE, NULL, sb.s);
	}
	sb_free(&sb);
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	CHECK(s != NULL);
	if (s) {
		char *body = joined_body(s, NULL);

		CHECK(check_line_starts(s) > 2 * (int)YS_ARRAY_LEN(no_start));
		for (size_t i = 0; i < d.n; i++)
			CHECK_HAS(body, d.b[i].text);
		free(body);
	}
	free(s);
	doc_free(&d);
}

/* the 落款 never stands alone on the last page: first the lines close up
 * (GB/T 9704: 调整行距), and when that is not enough the end of the body
 * goes over with it */
static void tail_case(int spaces, int want_pages, const char *page2_has)
{
	struct doc d;
	const char *path = fx_path("tail.pdf");
	char err[512], *s, *pages[8];
	size_t np;

	doc_init(&d, DOC_NOTICE);
	d.title = xstrdup("tail");
	for (int i = 0; i < 22; i++)            /* exactly one page of body */
		doc_addf(&d, B_LINE, NULL, "第%03d行", i + 1);
	for (int i = 0; i < spaces; i++)
		doc_add(&d, B_SPACE, NULL, "");
	doc_add(&d, B_RIGHT, NULL, "中共幸福里社区委员会");
	doc_add(&d, B_RIGHT, NULL, "幸福里社区居民委员会");
	doc_add(&d, B_RIGHT, NULL, "2026年11月22日");
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	if (s) {
		np = split_pages(s, pages, YS_ARRAY_LEN(pages));
		CHECK_INT(np, want_pages);
		CHECK_CONTAINS(pages[np - 1], "中共幸福里社区委员会");
		CHECK_CONTAINS(pages[np - 1], "幸福里社区居民委员会");
		CHECK_CONTAINS(pages[np - 1], "2026年11月22日");
		CHECK_CONTAINS(pages[0], "第021行");
		if (page2_has && np > 1) {
			CHECK_CONTAINS(pages[1], page2_has);
			CHECK(strstr(pages[0], page2_has) == NULL);
		}
	}
	free(s);
	doc_free(&d);
}

static void t_tail_closes_up(void)
{
	tail_case(1, 1, NULL);
}

static void t_tail_takes_body_along(void)
{
	tail_case(6, 2, "第022行");
}

/* the sign-in sheet: the head on every page, every name once and in
 * order, no row split (a wrapped note on the same page as its name) */
static void t_signin(void)
{
	struct doc d;
	const char *path = fx_path("signin.pdf");
	char *raw, *all = NULL;
	int n, last_page = 0;

	build_signin(&d);
	raw = render_and_read(&d, NULL, "signin.pdf", &n, "NotoSerifCJK");
	if (raw) {
		const char *at = NULL;

		CHECK(n > 3);
		all = nospace(raw);
		for (int pg = 1; pg <= n; pg++) {
			char *t = page_text(path, pg), *ns = t ? nospace(t) : NULL;
			char *j = t ? joined_body(t, NULL) : NULL;

			CHECK(t != NULL);
			CHECK_INT(words_past_block(path, pg), 0);
			for (size_t k = 0; j && k < YS_ARRAY_LEN(signin_head); k++)
				if (!strstr(j, signin_head[k])) {
					printf("  page %d lacks the head cell %s\n", pg, signin_head[k]);
					t_cur_failed = 1;
				}
			/* the names on this page follow those of the page before */
			for (int i = 0; ns && i < NSIGNIN; i++) {
				char *name = signin_name(i);

				if (strstr(ns, name)) {
					if (i < last_page)
						t_cur_failed = 1;
					last_page = i;
					if (i % 17 == 5 && !strstr(j, "委托家属代签")) {
						printf("  the note of %s is not on its page %d\n", name, pg);
						t_cur_failed = 1;
					}
				}
				free(name);
			}
			free(j);
			free(ns);
			free(t);
		}
		for (int i = 0; i < NSIGNIN; i++) {
			char *name = signin_name(i);
			const char *p = strstr(all, name);

			if (count_of(all, name) != 1 || (at && p < at)) {
				printf("  %s appears %d times%s\n", name, count_of(all, name),
				       at && p && p < at ? ", out of order" : "");
				t_cur_failed = 1;
			}
			if (p)
				at = p;
			free(name);
		}
		CHECK_HAS(all, "应到120人");
		CHECK_INT(last_page, NSIGNIN - 1);
		/* the head centred in its cells, and 序号 (center_mask bit 0)
		 * in its column; 姓名 (not centred) at the column's left */
		{
			const double l = 28 * MM_PT, w = 156 * MM_PT;
			struct span sg = word_span(path, 1, "签名", 0);
			struct span no = word_span(path, 1, "10", 0);
			struct span nm = word_span(path, 1, "居民010", 0);
			double sg_mid = l + w * (6 + 16 + 22 + 18 + 13) / 100, no_mid = l + w * 3 / 100;

			CHECK(sg.n == 1 && no.n == 1 && nm.n == 1);
			CHECK((sg.x0 + sg.x1) / 2 > sg_mid - 2 && (sg.x0 + sg.x1) / 2 < sg_mid + 2);
			CHECK((no.x0 + no.x1) / 2 > no_mid - 2 && (no.x0 + no.x1) / 2 < no_mid + 2);
			CHECK(nm.x0 > l + w * 6 / 100 && nm.x0 < l + w * 6 / 100 + 2 * MM_PT);
		}
	}
	free(all);
	free(raw);
	doc_free(&d);
}

/* A table's head never stands alone at the foot of a page: after 28 of
 * the 30 lines a minutes page holds, the head would fit but not with a
 * row.  And the text after a table is back on the line grid. */
static void t_table_head_kept(void)
{
	struct doc d;
	const char *path = fx_path("headkept.pdf");
	static const char *const head[] = { "姓名", "签到时间" };
	static const char *const row[] = { "张三", "14:00" };
	static const int w[] = { 1, 1 };
	char err[512], *p1 = NULL, *p2 = NULL;

	doc_init(&d, DOC_MINUTES);
	d.title = xstrdup("headkept");
	for (int i = 0; i < 28; i++)
		doc_addf(&d, B_LINE, NULL, "第%03d行", i + 1);
	doc_table(&d, 2, w, 10, 0, head);
	for (int i = 0; i < 3; i++)
		doc_row(&d, 2, row);
	doc_add(&d, B_LINE, NULL, "表后的第一行");
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	if (poppler()) {
		p1 = page_text(path, 1);
		p2 = page_text(path, 2);
		CHECK(p1 && !strstr(p1, "签到时间"));
		CHECK(p2 && strstr(p2, "签到时间"));
		CHECK(p2 && strstr(p2, "张三"));
		/* the line after the table a whole number of pitches (225 mm /
		 * 30) below the first line of a page */
		{
			struct span top = word_span(path, 1, "第001行", 0);
			struct span after = word_span(path, 2, "表后的第一行", 0);
			double k = (after.y0 - top.y0) / (225 * MM_PT / 30);

			CHECK(top.n == 1 && after.n == 1);
			if (k - (int)(k + 0.5) > 0.02 || k - (int)(k + 0.5) < -0.02) {
				printf("  the line after the table is off the grid: %.3f pitches down\n", k);
				t_cur_failed = 1;
			}
		}
	}
	free(p1);
	free(p2);
	doc_free(&d);
}

/* a table that fills its page to the last row, then the signatures: the
 * last row goes over with them, under the head drawn again */
static const char *const full_head[] = { "姓名", "签到时间" };
static const int full_w[] = { 1, 1 };

/* a doc of `kind` whose first page a table fills to its last row: 21 rows
 * of 10 mm and the head, 222 mm of the 225 */
static void full_page_table(struct doc *d, int kind, const char *title, const char *time)
{
	doc_init(d, kind);
	d->title = xstrdup(title);
	doc_table(d, 2, full_w, 10, 0, full_head);
	for (int i = 0; i < 21; i++) {
		char *name = signin_name(i);
		const char *row[] = { name, time };

		doc_row(d, 2, row);
		free(name);
	}
}

static void t_table_tail(void)
{
	struct doc d;
	const char *path = fx_path("tabletail.pdf");
	char err[512], *p1 = NULL, *p2 = NULL;

	full_page_table(&d, DOC_MINUTES, "tabletail", "14:00");
	doc_add(&d, B_SIGN, "主持人", "");
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	if (poppler()) {
		CHECK_INT(pdf_pages(path), 2);
		p1 = page_text(path, 1);
		p2 = page_text(path, 2);
		CHECK(p1 && strstr(p1, "居民020") && !strstr(p1, "居民021"));
		CHECK(p2 && strstr(p2, "居民021") && strstr(p2, "签到时间") && strstr(p2, "主持人"));
	}
	free(p1);
	free(p2);
	doc_free(&d);
}

/* the same in the middle of a doc (a sign-in sheet, then the 列席 sheet
 * after a page break): the counts line and the clerk's signature take the
 * last row along, they never stand alone at the top of a page */
static void t_table_closing(void)
{
	struct doc d;
	const char *path = fx_path("tableclosing.pdf");
	char err[512], *p1 = NULL, *p2 = NULL;

	full_page_table(&d, DOC_SIGNIN, "tableclosing", "");
	doc_add(&d, B_LINE, NULL, "应到 21 人，实到 ______ 人。");
	doc_add(&d, B_SIGN, "记录人（签名）", "");
	doc_add(&d, B_PAGEBREAK, NULL, "");
	doc_add(&d, B_TITLE, NULL, "列席人员签到表");
	doc_table(&d, 2, full_w, 10, 0, full_head);
	doc_row(&d, 2, (const char *const[]){ "1", "" });
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	if (poppler()) {
		CHECK_INT(pdf_pages(path), 3);
		p1 = page_text(path, 1);
		p2 = page_text(path, 2);
		CHECK(p1 && strstr(p1, "居民020") && !strstr(p1, "记录人"));
		CHECK(p2 && strstr(p2, "居民021") && strstr(p2, "签到时间") &&
		      strstr(p2, "应到") && strstr(p2, "记录人"));
	}
	free(p1);
	free(p2);
	doc_free(&d);
}

/* ballots: four to a page, cut lines between them, no page number */
static void t_ballots(void)
{
	struct doc d;
	const char *path = fx_path("ballots.pdf");
	char *raw;
	int n;

	build_ballots(&d);
	raw = render_and_read(&d, NULL, "ballots.pdf", &n, "NotoSerifCJK");
	if (raw) {
		CHECK_INT(n, 2);
		CHECK(strstr(raw, "页") == NULL);
		for (int pg = 1; pg <= 2; pg++) {
			char *t = page_text(path, pg);
			int cuts = t ? count_of(t, "\u2702") + count_of(t, "剪") : -1;

			/* three between the four ballots; none above the first */
			if (cuts != 3) {
				printf("  page %d has %d cut marks, not 3\n", pg, cuts);
				t_cur_failed = 1;
			}
			CHECK(t && count_of(t, "表决票（第") == 4);
			CHECK(t && count_of(t, "不同意") == 4);
			free(t);
		}
	}
	free(raw);
	doc_free(&d);
}

/* GB/T 9704 page numbers: 「— i —」 7 mm under the block, odd pages one
 * character (14 pt) in from the right edge, even pages from the left; the
 * same doc with PN_OF_TOTAL says 「第 i 页 共 N 页」 */
static void t_pageno_gb(void)
{
	struct doc d;
	const char *path = fx_path("gb.pdf");
	const double left = 28 * MM_PT, right = left + 156 * MM_PT;
	const double bottom = (37 + 225) * MM_PT, mid = 595.28 / 2;
	char *raw;
	int n;

	doc_init(&d, DOC_NOTICE);
	d.title = xstrdup("关于3号楼加装电梯的公示");
	doc_add(&d, B_TITLE, NULL, d.title);
	doc_add(&d, B_FIELD, notice_fields[0][0], notice_fields[0][1]);
	for (int i = 0; i < 5; i++)
		for (size_t k = 0; k < YS_ARRAY_LEN(notice_paras); k++)
			doc_add(&d, B_PARA, NULL, notice_paras[k]);
	doc_add(&d, B_SPACE, NULL, "");
	doc_add(&d, B_RIGHT, NULL, "幸福里社区居民委员会");
	doc_add(&d, B_RIGHT, NULL, "2026年11月22日");
	CHECK_INT(d.pageno, PN_GB);
	raw = render_and_read(&d, NULL, "gb.pdf", &n, "NotoSerifCJK");
	if (raw) {
		CHECK_INT(n, 3);
		for (int pg = 1; pg <= 3; pg++) {
			char num[16], *t = page_text(path, pg), *ns = t ? nospace(t) : NULL;
			struct span no, dash;

			snprintf(num, sizeof num, "\u2014%d\u2014", pg);
			CHECK(ns && strstr(ns, num));
			free(ns);
			free(t);
			snprintf(num, sizeof num, "%d", pg);
			no = word_span(path, pg, num, bottom);
			dash = word_span(path, pg, "\u2014", bottom);
			CHECK_INT(no.n, 1);
			CHECK_INT(dash.n, 2);
			if (no.n != 1 || dash.n != 2)
				continue;
			/* 7 mm under the block, inside the page */
			CHECK(no.y0 > bottom + 5 * MM_PT && no.y1 < 841.89 - 10 * MM_PT);
			CHECK(dash.x0 < no.x0 && no.x1 < dash.x1);
			if (pg % 2) {
				CHECK(no.x0 > mid);
				if (dash.x1 < right - 14 - 1.5 || dash.x1 > right - 14 + 1.5) {
					printf("  page %d's number ends at %.1f, not %.1f\n", pg, dash.x1, right - 14);
					t_cur_failed = 1;
				}
			} else {
				CHECK(no.x1 < mid);
				if (dash.x0 < left + 14 - 1.5 || dash.x0 > left + 14 + 1.5) {
					printf("  page %d's number starts at %.1f, not %.1f\n", pg, dash.x0, left + 14);
					t_cur_failed = 1;
				}
			}
		}
	}
	free(raw);
	/* and 「第 i 页 共 N 页」 when asked */
	d.pageno = PN_OF_TOTAL;
	raw = render_and_read(&d, NULL, "gb_oftotal.pdf", &n, "NotoSerifCJK");
	if (raw) {
		char *ns = nospace(raw);

		CHECK_INT(n, 3);
		CHECK_CONTAINS(ns, "第1页共3页");
		CHECK(strstr(ns, "\u20141\u2014") == NULL);
		free(ns);
	}
	free(raw);
	doc_free(&d);
}

/* a family that is not installed falls back to Noto Sans CJK SC; the
 * sizes from the options */
static void t_font_fallback(void)
{
	struct doc d;
	struct pdf_opts o = { "没有这种字体 XYZ", "没有这种字体 XYZ", 20, 14 };
	char *raw;
	int n;

	build_notice(&d);
	raw = render_and_read(&d, &o, "fallback.pdf", &n, "CJK");
	if (raw) {
		char *body = joined_body(raw, d.footer);

		CHECK_HAS(body, notice_paras[0]);
		free(body);
	}
	free(raw);
	doc_free(&d);
}

/* the clerk's choice through the environment: YISHITING_BODY_FONT */
static void t_font_env(void)
{
	struct doc d;
	char *raw;
	int n;

	setenv("YISHITING_BODY_FONT", "Noto Sans CJK SC", 1);
	build_notice(&d);
	raw = render_and_read(&d, NULL, "envfont.pdf", &n, "NotoSansCJK");
	unsetenv("YISHITING_BODY_FONT");
	free(raw);
	doc_free(&d);
}

/* no Chinese font at all (an empty fontconfig configuration, in a child
 * process): -1 and a message naming the font and the package, no file */
static void t_no_font(void)
{
	int fd[2], st;
	char msg[1024] = "";
	ssize_t k;
	pid_t pid;
	const char *path = fx_path("nofont.pdf");

	CHECK(pipe(fd) == 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct doc d;
		char err[512] = "";
		int rc;

		close(fd[0]);
		FcConfigSetCurrent(FcConfigCreate());
		build_notice(&d);
		rc = render_pdf(&d, NULL, path, err, sizeof err);
		if (write(fd[1], err, strlen(err)) < 0)
			_exit(3);
		_exit(rc == -1 ? 0 : 1);
	}
	close(fd[1]);
	k = read(fd[0], msg, sizeof msg - 1);
	msg[k > 0 ? k : 0] = '\0';
	close(fd[0]);
	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_CONTAINS(msg, "Noto Serif CJK SC");
	CHECK_CONTAINS(msg, "fonts-noto-cjk");
	CHECK_CONTAINS(msg, "字体");
	CHECK(access(path, F_OK) != 0);
}

static void t_unwritable(void)
{
	struct doc d;
	char err[512] = "";
	const char *dir;

	build_notice(&d);
	CHECK_INT(render_pdf(&d, NULL, "/nonexistent-ys-dir/x.pdf", err, sizeof err), -1);
	CHECK_CONTAINS(err, "无法写入");
	CHECK_CONTAINS(err, "/nonexistent-ys-dir/x.pdf");
	err[0] = '\0';
	dir = fx_path("adir");
	CHECK(mkdir(dir, 0700) == 0);
	CHECK_INT(render_pdf(&d, NULL, dir, err, sizeof err), -1);
	CHECK_CONTAINS(err, "无法写入");
	doc_free(&d);
}

/* odd input: an empty doc is one page with its page number; invalid UTF-8
 * and empty blocks do not crash */
static void t_odd_input(void)
{
	struct doc d;
	const char *path = fx_path("odd.pdf");
	char err[512], *s;

	doc_init(&d, DOC_MINUTES);
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	if (s) {
		CHECK_INT(pdf_pages(path), 1);
		CHECK_HAS(s, "第 1 页 共 1 页");
	}
	free(s);
	d.title = xstrdup("坏\xff标题");
	for (int k = B_TITLE; k <= B_PAGEBREAK; k++)
		doc_add(&d, k, k == B_FIELD || k == B_SIGN ? "" : NULL, "");
	doc_add(&d, B_PARA, NULL, "坏的\xff\xfe字节");
	doc_add(&d, B_FIELD, "签收", "已签收");
	doc_add(&d, B_SIGN, "参会人员", "张三");
	doc_add(&d, B_PAGEBREAK, NULL, "");
	doc_add(&d, B_PAGEBREAK, NULL, "");
	doc_add(&d, B_FIELD, "坏\xc3标签", "控制\x01字符\r\n回车");
	doc_add(&d, B_LINE, NULL, "最后一页\n第二行\t制表");
	CHECK_INT(render_pdf(&d, NULL, path, err, sizeof err), 0);
	s = poppler() ? run("pdftotext -enc UTF-8 '%s' -", path) : NULL;
	if (s) {
		int n = pdf_pages(path);

		CHECK_INT(n, 3);        /* the first break after the empty blocks */
		CHECK_CONTAINS(s, "坏的");
		CHECK_CONTAINS(s, "字节");
		CHECK_CONTAINS(s, "签收：已签收");
		CHECK_CONTAINS(s, "参会人员：");
		CHECK_CONTAINS(s, "张三");
		CHECK_HAS(s, "第 3 页 共 3 页");
		CHECK_CONTAINS(s, "最后一页");
		CHECK_CONTAINS(s, "标签：控制字符");
		CHECK_CONTAINS(s, "回车");
	}
	free(s);
	doc_free(&d);
}

int main(void)
{
	const char *keep = getenv("YS_PDF_KEEP");

	if (fx_tmpdir("pdf") != 0)
		return 1;
	RUN(t_notice);
	RUN(t_bidi);
	RUN(t_minutes_long);
	RUN(t_grid_notice);
	RUN(t_grid_minutes);
	RUN(t_grid_meeting_notice);
	RUN(t_doc_sizes);
	RUN(t_kinsoku);
	RUN(t_tail_closes_up);
	RUN(t_tail_takes_body_along);
	RUN(t_signin);
	RUN(t_table_head_kept);
	RUN(t_table_tail);
	RUN(t_table_closing);
	RUN(t_ballots);
	RUN(t_pageno_gb);
	RUN(t_font_fallback);
	RUN(t_font_env);
	RUN(t_no_font);
	RUN(t_unwritable);
	RUN(t_odd_input);

	if (keep && *keep)
		printf("kept %s\n", fx_dir());
	else if (fx_tmpdir_remove() != 0)
		printf("could not remove the temporary folder\n");
	pdf_caches_done();
	T_DONE();
}
