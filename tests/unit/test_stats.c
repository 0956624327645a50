/* test_stats.c: the counting of the statistics (model/stats.c) on facts
 * made here, where each number is known by hand; the bar chart block of
 * the documents (doc_chart) read back as written.  The counts on a real
 * database are checked against SQL in tests/e2e/test_stats.sh. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "model/core.h"
#include "model/stats.h"
#include "paper/doc.h"
#include "base/util.h"

static const struct stat_table *table(const struct stats_report *r, const char *title)
{
	for (int i = 0; i < r->ntables; i++)
		if (strcmp(r->table[i].title, title) == 0)
			return &r->table[i];
	return NULL;
}

static const struct stat_row *row(const struct stat_table *t, const char *label)
{
	for (int i = 0; t && i < t->nrows; i++)
		if (strcmp(t->row[i].label, label) == 0)
			return &t->row[i];
	return NULL;
}

/* a matter with events "date action to_step status", … */
static void matter(struct stats_raw *r, const char *category, int n, const struct stat_event *ev)
{
	struct stat_matter *m;

	r->matter = xrealloc(r->matter, (size_t)(r->nmatter + 1) * sizeof *r->matter);
	m = &r->matter[r->nmatter++];
	memset(m, 0, sizeof *m);
	snprintf(m->category, sizeof m->category, "%s", category);
	m->ev = xcalloc((size_t)n, sizeof *m->ev);
	memcpy(m->ev, ev, (size_t)n * sizeof *ev);
	m->nev = n;
}

static void meeting(struct stats_raw *r, int kind, const char *date, int ent, int pre, int items,
                    int agreed)
{
	r->meeting = xrealloc(r->meeting, (size_t)(r->nmeeting + 1) * sizeof *r->meeting);
	r->meeting[r->nmeeting++] = (struct stat_meeting){ kind, "", ent, pre, items, agreed };
	snprintf(r->meeting[r->nmeeting - 1].date, 11, "%s", date);
}

static void concern(struct stats_raw *r, const char *date, const char *cat, const char *due,
                    const char *answered, int to_proposal)
{
	struct stat_concern *c;

	r->concern = xrealloc(r->concern, (size_t)(r->nconcern + 1) * sizeof *r->concern);
	c = &r->concern[r->nconcern++];
	memset(c, 0, sizeof *c);
	snprintf(c->date, sizeof c->date, "%s", date);
	snprintf(c->category, sizeof c->category, "%s", cat);
	snprintf(c->due, sizeof c->due, "%s", due);
	snprintf(c->answered, sizeof c->answered, "%s", answered);
	c->to_proposal = to_proposal;
}

#define EV(d, a, s, st) { d, a, s, st }

static void fill(struct stats_raw *r)
{
	memset(r, 0, sizeof *r);
	snprintf(r->from, sizeof r->from, "2026-01-01");
	snprintf(r->to, sizeof r->to, "2026-12-31");
	/* proposed in 2025, decided and done in 2026: handled, not new */
	matter(r, "加装电梯", 5, (const struct stat_event[]){
		EV("2025-11-02", ACT_PROPOSE, STEP_PROPOSE, PST_ACTIVE),
		EV("2025-12-10", ACT_FORWARD, STEP_CONSULT, PST_ACTIVE),
		EV("2026-01-15", ACT_FORWARD, STEP_REVIEW, PST_ACTIVE),
		EV("2026-02-01", ACT_FORWARD, STEP_RESOLVE, PST_ACTIVE),
		EV("2026-06-30", ACT_PUBLISH_RESULT, STEP_RESULT, PST_ACTIVE),
	});
	/* archived in 2025: not handled in 2026 */
	matter(r, "停车", 3, (const struct stat_event[]){
		EV("2025-01-05", ACT_PROPOSE, STEP_PROPOSE, PST_ACTIVE),
		EV("2025-05-05", ACT_PUBLISH_RESULT, STEP_RESULT, PST_ACTIVE),
		EV("2025-06-05", ACT_ARCHIVE, STEP_ARCHIVE, PST_ACTIVE),
	});
	/* new in 2026 and rejected */
	matter(r, "停车", 2, (const struct stat_event[]){
		EV("2026-03-01", ACT_PROPOSE, STEP_PROPOSE, PST_ACTIVE),
		EV("2026-03-20", ACT_REJECT, STEP_PROPOSE, PST_REJECTED),
	});
	/* new in 2026, decided after 10 days, uncategorised */
	matter(r, "", 4, (const struct stat_event[]){
		EV("2026-04-01", ACT_PROPOSE, STEP_PROPOSE, PST_ACTIVE),
		EV("2026-04-03", ACT_FORWARD, STEP_CONSULT, PST_ACTIVE),
		EV("2026-04-05", ACT_FORWARD, STEP_REVIEW, PST_ACTIVE),
		EV("2026-04-11", ACT_FORWARD, STEP_RESOLVE, PST_ACTIVE),
	});
	/* new in December 2026 but its next step falls in 2027 */
	matter(r, "噪声", 2, (const struct stat_event[]){
		EV("2026-12-20", ACT_PROPOSE, STEP_PROPOSE, PST_ACTIVE),
		EV("2027-01-08", ACT_WITHDRAW, STEP_PROPOSE, PST_WITHDRAWN),
	});
	meeting(r, MK_LIANGWEI, "2026-01-15", 7, 7, 2, 2);
	meeting(r, MK_LIANGWEI, "2026-04-03", 7, 5, 1, 1);
	meeting(r, MK_REPS, "2026-02-01", 40, 30, 1, 1);
	meeting(r, MK_CONSULT, "2026-11-05", 20, 15, 3, 2);
	r->has_concerns = 1;
	concern(r, "2026-05-01", "环境卫生", "2026-05-16", "2026-05-10", 0);   /* on time */
	concern(r, "2026-05-02", "环境卫生", "2026-05-05", "2026-05-09", 1);   /* late */
	concern(r, "2026-11-01", "停车", "2026-11-08", "", 0);                 /* overdue */
	concern(r, "2026-11-20", "停车", "2026-12-05", "", 0);                 /* not yet due */
	concern(r, "2025-12-30", "停车", "2026-01-05", "2026-01-02", 0);       /* last year */
}

static void t_meetings(void)
{
	struct stats_raw r;
	struct stats_report rep;
	const struct stat_table *t;

	fill(&r);
	stats_build(&r, "2026-11-22", &rep);
	t = table(&rep, "会议召开情况（按类型）");
	CHECK(t != NULL);
	CHECK_INT(row(t, "两委联席会议")->v[0], 2);
	CHECK_INT(row(t, "两委联席会议")->v[1], 14);
	CHECK_INT(row(t, "两委联席会议")->v[2], 12);
	CHECK(fabs(row(t, "两委联席会议")->v[3] - 12.0 / 14) < 1e-9);
	CHECK_INT(row(t, "党员大会")->v[0], 0);
	CHECK(row(t, "党员大会")->v[3] == STAT_NA);
	CHECK_INT(row(t, "合计")->v[0], 4);
	CHECK(fabs(row(t, "合计")->v[3] - 57.0 / 74) < 1e-9);
	t = table(&rep, "会议召开情况（按月）");
	CHECK_INT(t->nrows, 13);             /* twelve months and the total */
	CHECK_STR(t->row[0].label, "1月");
	CHECK_INT(row(t, "4月")->v[0], 1);   /* 两委联席 in April */
	CHECK_INT(row(t, "11月")->v[4], 1);  /* 议事协商 in November */
	CHECK_INT(row(t, "合计")->v[5], 4);
	t = table(&rep, "议事协商会");
	CHECK_INT(row(t, "召开议事协商会（次）")->v[0], 1);
	CHECK_INT(row(t, "协商事项（件）")->v[0], 3);
	CHECK_INT(row(t, "形成协商意见、化解矛盾（件）")->v[0], 2);
	CHECK_CONTAINS(rep.summary, "共召开会议4次");
	CHECK_CONTAINS(rep.summary, "两委联席会议2次");
	stats_report_free(&rep);
	stats_raw_free(&r);
}

static void t_matters(void)
{
	struct stats_raw r;
	struct stats_report rep;
	const struct stat_table *t;

	fill(&r);
	stats_build(&r, "2026-11-22", &rep);
	t = table(&rep, "议题办理结果");
	CHECK_INT(row(t, "新提出")->v[0], 3);
	CHECK_INT(row(t, "决议通过")->v[0], 2);
	CHECK_INT(row(t, "实施结果公开（办结）")->v[0], 1);
	CHECK_INT(row(t, "不予采纳")->v[0], 1);
	CHECK_INT(row(t, "撤回")->v[0], 0);          /* withdrawn in 2027 */
	CHECK_CONTAINS(t->note, "共 4 件");          /* the 2025 archive is not */
	t = table(&rep, "议题办理情况（按类别）");
	CHECK_INT(row(t, "停车")->v[0], 1);
	CHECK_INT(row(t, "停车")->v[4], 1);
	CHECK_INT(row(t, "未分类")->v[2], 1);
	CHECK_INT(row(t, "加装电梯")->v[1], 0);       /* proposed the year before */
	CHECK_INT(row(t, "加装电梯")->v[3], 1);
	CHECK_STR(t->row[t->nrows - 1].label, "合计");
	CHECK_INT(t->row[t->nrows - 1].v[0], 4);
	t = table(&rep, "期末议题所处步骤");
	CHECK_INT(row(t, "实施结果公开")->v[0], 1);
	CHECK_INT(row(t, "决议")->v[0], 1);
	CHECK_INT(row(t, "提议")->v[0], 1);            /* the December one, in 2026 */
	CHECK_INT(row(t, "不予采纳")->v[0], 1);
	CHECK_INT(row(t, "归档")->v[0], 0);
	t = table(&rep, "议题办理用时（天）");
	CHECK_INT(row(t, "提议至决议")->v[0], 2);
	/* 2025-11-02 → 2026-02-01 is 91 days, 2026-04-01 → 04-11 is 10 */
	CHECK(fabs(row(t, "提议至决议")->v[1] - 50.5) < 1e-9);
	CHECK(fabs(row(t, "提议至决议")->v[2] - 50.5) < 1e-9);
	CHECK_INT(row(t, "提议至决议")->v[3], 10);
	CHECK_INT(row(t, "提议至决议")->v[4], 91);
	CHECK_INT(row(t, "提议至实施结果公开")->v[0], 1);
	CHECK_INT(row(t, "提议至实施结果公开")->v[1], 240);
	stats_report_free(&rep);

	/* the year before: the 2025 matters, the one archived among them */
	snprintf(r.from, sizeof r.from, "2025-01-01");
	snprintf(r.to, sizeof r.to, "2025-12-31");
	stats_build(&r, "2026-11-22", &rep);
	t = table(&rep, "议题办理结果");
	CHECK_INT(row(t, "新提出")->v[0], 2);
	CHECK_INT(row(t, "归档")->v[0], 1);
	CHECK_INT(row(t, "期末尚未办结")->v[0], 1);
	stats_report_free(&rep);
	stats_raw_free(&r);
}

static void t_concerns(void)
{
	struct stats_raw r;
	struct stats_report rep;
	const struct stat_table *t;

	fill(&r);
	stats_build(&r, "2026-11-22", &rep);
	t = table(&rep, "民情日记（按类别）");
	CHECK(t != NULL);
	CHECK_INT(row(t, "环境卫生")->v[0], 2);
	CHECK_INT(row(t, "环境卫生")->v[1], 2);
	CHECK_INT(row(t, "环境卫生")->v[2], 1);       /* one answered late */
	CHECK_INT(row(t, "环境卫生")->v[4], 1);
	CHECK_INT(row(t, "停车")->v[0], 2);           /* not the one of 2025 */
	CHECK_INT(row(t, "停车")->v[3], 1);           /* only the one past due */
	CHECK(fabs(row(t, "停车")->v[5]) < 1e-9);     /* none answered */
	CHECK_INT(row(t, "合计")->v[0], 4);
	CHECK(fabs(row(t, "合计")->v[5] - 0.5) < 1e-9);
	CHECK_CONTAINS(rep.summary, "记录民情4条，已答复2条，转为议题1件");
	stats_report_free(&rep);

	/* later, the second 停车 concern is overdue too */
	stats_build(&r, "2026-12-20", &rep);
	CHECK_INT(row(table(&rep, "民情日记（按类别）"), "停车")->v[3], 2);
	stats_report_free(&rep);

	/* a database without a diary has no such table */
	r.has_concerns = 0;
	stats_build(&r, "2026-11-22", &rep);
	CHECK(table(&rep, "民情日记（按类别）") == NULL);
	CHECK(strstr(rep.summary, "民情") == NULL);
	stats_report_free(&rep);
	stats_raw_free(&r);
}

static void t_period(void)
{
	char f[11], t[11], err[256];
	struct stats_raw r;
	struct stats_report rep;

	CHECK_INT(stats_period(2026, NULL, NULL, f, t, err, sizeof err), 0);
	CHECK_STR(f, "2026-01-01");
	CHECK_STR(t, "2026-12-31");
	CHECK_INT(stats_period(0, "2026-03-01", "2026-02-28", f, t, err, sizeof err), -1);
	CHECK_STR(err, "起始日期 2026-03-01 晚于截止日期 2026-02-28。");
	CHECK_INT(stats_period(0, "2026-02-30", "2026-03-01", f, t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "起始日期不对：2026-02-30");
	CHECK_INT(stats_period(0, "", "", f, t, err, sizeof err), -1);
	CHECK_INT(stats_period(12, NULL, NULL, f, t, err, sizeof err), -1);
	CHECK_CONTAINS(err, "年份不对");

	/* a period across the new year names its months with their years */
	fill(&r);
	snprintf(r.from, sizeof r.from, "2025-12-01");
	snprintf(r.to, sizeof r.to, "2026-02-28");
	stats_build(&r, "2026-11-22", &rep);
	CHECK_STR(rep.period, "2025年12月1日至2026年2月28日");
	CHECK_STR(table(&rep, "会议召开情况（按月）")->row[0].label, "2025年12月");
	CHECK_INT(table(&rep, "会议召开情况（按月）")->nrows, 4);
	stats_report_free(&rep);
	stats_raw_free(&r);
}

static void t_cells(void)
{
	struct stat_row rows[1] = { { "x", { 3, 0.935, 12.25, STAT_NA } } };
	struct stat_table t = { .ncols = 4, .fmt = { SF_INT, SF_PCT, SF_DAYS, SF_PCT }, .row = rows,
	                        .nrows = 1 };
	char buf[32];

	stat_cell(&t, 0, 0, buf, sizeof buf);
	CHECK_STR(buf, "3");
	stat_cell(&t, 0, 1, buf, sizeof buf);
	CHECK_STR(buf, "93.5%");
	stat_cell(&t, 0, 2, buf, sizeof buf);
	CHECK_STR(buf, "12.2");
	stat_cell(&t, 0, 3, buf, sizeof buf);
	CHECK_STR(buf, "—");
}

static void t_chart_block(void)
{
	struct doc d;
	struct doc_chart c;
	const char *series[] = { "提出", "办\t结" };
	const char *label[] = { "停车", "加装电梯", "" };
	const double v[] = { 3, 1, 2.5, 0, -4, 7 };
	struct strbuf sb = {0};

	doc_init(&d, DOC_STATS);
	doc_chart(&d, 2, series, 1, 3, label, v);
	CHECK_INT(d.b[0].kind, B_CHART);
	doc_chart_read(&d.b[0], &c);
	CHECK_INT(c.nseries, 2);
	CHECK_INT(c.stacked, 1);
	CHECK_INT(c.nrows, 3);
	CHECK_STR(c.series[1], "办 结");         /* a tab in a name is no new cell */
	CHECK_STR(c.label[1], "加装电梯");
	CHECK(c.v[2] == 2.5);
	CHECK(c.v[4] == 0);                      /* negative values are none */
	CHECK(c.max == 7);                       /* the longest stacked bar */
	doc_chart_free(&c);
	render_txt(&d, 60, &sb);
	CHECK_CONTAINS(sb.s, "图例：█ 提出  ▒ 办 结");
	CHECK_CONTAINS(sb.s, "停车");
	CHECK_CONTAINS(sb.s, " 4\n");            /* 3 + 1 stacked */
	sb_free(&sb);
	sb_add(&sb, "");
	render_html(&d, &sb);
	CHECK_CONTAINS(sb.s, "class=\"bar\"");
	sb_free(&sb);
	doc_free(&d);
	CHECK(doc_chart_step(7, 5) == 2);
	CHECK(doc_chart_step(4, 5) == 1);
	CHECK(doc_chart_step(130, 5) == 50);
	CHECK(doc_chart_step(0, 5) == 1);
	CHECK(doc_chart_step(NAN, 5) == 1);
}

int main(void)
{
	RUN(t_meetings);
	RUN(t_matters);
	RUN(t_concerns);
	RUN(t_period);
	RUN(t_cells);
	RUN(t_chart_block);
	T_DONE();
}
