/* stats.c: the raw facts of a period counted into the tables of the annual
 * ledger (统计、年度台账).  See stats.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/stats.h"
#include "model/core.h"
#include "base/clock.h"
#include "base/util.h"

void stats_raw_free(struct stats_raw *r)
{
	for (int i = 0; i < r->nmatter; i++)
		free(r->matter[i].ev);
	free(r->meeting);
	free(r->matter);
	free(r->concern);
	memset(r, 0, sizeof *r);
}

void stats_report_free(struct stats_report *rep)
{
	for (int i = 0; i < rep->ntables; i++)
		free(rep->table[i].row);
	free(rep->table);
	memset(rep, 0, sizeof *rep);
}

const char *stat_number_cn(int n)
{
	static const char *const cn[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
		"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
	};
	return n >= 1 && n <= (int)YS_ARRAY_LEN(cn) ? cn[n - 1] : "";
}

double stat_rate(double part, double whole)
{
	return whole > 0 ? part / whole : STAT_NA;
}

void stat_cell(const struct stat_table *t, int row, int col, char *buf, size_t len)
{
	double v = t->row[row].v[col];

	if (v == STAT_NA) {
		snprintf(buf, len, "—");
		return;
	}
	switch (t->fmt[col]) {
	case SF_PCT:
		snprintf(buf, len, "%.1f%%", v * 100.0);
		break;
	case SF_DAYS:
		snprintf(buf, len, "%.1f", v);
		break;
	default:
		snprintf(buf, len, "%.0f", v);
		break;
	}
}

int stats_period(int year, const char *from, const char *to, char out_from[11],
                 char out_to[11], char *err, size_t errlen)
{
	if (year > 0) {
		if (year < 1900 || year > 9999) {
			return ys_err(err, errlen, "年份不对：%d（应为四位数的年份，如 2026）。", year);
		}
		snprintf(out_from, 11, "%04d-01-01", year);
		snprintf(out_to, 11, "%04d-12-31", year);
		return 0;
	}
	if (!from || !to || !from[0] || !to[0]) {
		return ys_err(err, errlen, "请给出年份，或者起止日期。");
	}
	if (ys_parse_date(from, NULL) != 0) {
		return ys_err(err, errlen, "起始日期不对：%s（应为实有的日期，写成 YYYY-MM-DD，如 2026-03-01）。", from);
	}
	if (ys_parse_date(to, NULL) != 0) {
		return ys_err(err, errlen, "截止日期不对：%s（应为实有的日期，写成 YYYY-MM-DD，如 2026-08-31）。", to);
	}
	if (strcmp(from, to) > 0) {
		return ys_err(err, errlen, "起始日期 %s 晚于截止日期 %s。", from, to);
	}
	snprintf(out_from, 11, "%s", from);
	snprintf(out_to, 11, "%s", to);
	return 0;
}

/* ---- building tables ------------------------------------------------------ */

static struct stat_table *table_new(struct stats_report *rep, const char *title,
                                    const char *label_head)
{
	struct stat_table *t;

	rep->table = xrealloc(rep->table, (size_t)(rep->ntables + 1) * sizeof *rep->table);
	t = &rep->table[rep->ntables++];
	memset(t, 0, sizeof *t);
	ys_strlcpy(t->title, title, sizeof t->title);
	ys_strlcpy(t->label_head, label_head, sizeof t->label_head);
	return t;
}

static void col_add(struct stat_table *t, const char *head, int fmt)
{
	if (t->ncols >= STAT_MAXCOL)
		return;
	ys_strlcpy(t->head[t->ncols], head, sizeof t->head[0]);
	t->fmt[t->ncols++] = fmt;
}

static struct stat_row *row_add(struct stat_table *t, const char *label)
{
	struct stat_row *r;

	t->row = xrealloc(t->row, (size_t)(t->nrows + 1) * sizeof *t->row);
	r = &t->row[t->nrows++];
	memset(r, 0, sizeof *r);
	ys_strlcpy(r->label, label, sizeof r->label);
	return r;
}

/* the row labelled `label`, added when there is none (categories) */
static struct stat_row *row_of(struct stat_table *t, const char *label)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->row[i].label, label) == 0)
			return &t->row[i];
	return row_add(t, label);
}

/* a 合计 row: the sum of each INT column, rates left for the caller */
static struct stat_row *total_add(struct stat_table *t)
{
	struct stat_row *sum;
	int n = t->nrows;

	sum = row_add(t, "合计");
	for (int c = 0; c < t->ncols; c++)
		for (int i = 0; i < n; i++)
			if (t->fmt[c] == SF_INT)
				sum->v[c] += t->row[i].v[c];
	t->total = 1;
	return sum;
}

static int row_cmp_first_desc(const void *a, const void *b)
{
	const struct stat_row *x = a, *y = b;

	if (x->v[0] != y->v[0])
		return x->v[0] < y->v[0] ? 1 : -1;
	return strcmp(x->label, y->label);
}

static int in_period(const struct stats_raw *r, const char *date)
{
	return strcmp(date, r->from) >= 0 && strcmp(date, r->to) <= 0;
}

/* ---- meetings ------------------------------------------------------------- */

/* the kinds in the table's order, with short heads for the month table */
static const struct { int kind; const char *head; } kinds[] = {
	{ MK_LIANGWEI, "两委联席" }, { MK_PARTY, "党员大会" }, { MK_RESIDENTS, "居民会议" },
	{ MK_REPS, "居民代表" }, { MK_CONSULT, "议事协商" },
};
#define NKINDS ((int)YS_ARRAY_LEN(kinds))

static int kind_index(int kind)
{
	for (int i = 0; i < NKINDS; i++)
		if (kinds[i].kind == kind)
			return i;
	return -1;
}

static void meetings_by_kind(const struct stats_raw *r, struct stats_report *rep)
{
	struct stat_table *t = table_new(rep, "会议召开情况（按类型）", "会议类型");
	struct stat_row *sum;

	col_add(t, "召开次数", SF_INT);
	col_add(t, "应到人次", SF_INT);
	col_add(t, "实到人次", SF_INT);
	col_add(t, "出席率", SF_PCT);
	for (int k = 0; k < NKINDS; k++)
		row_add(t, meeting_kind_get(kinds[k].kind)->name);
	for (int i = 0; i < r->nmeeting; i++) {
		int k = kind_index(r->meeting[i].kind);

		if (k < 0)
			continue;
		t->row[k].v[0] += 1;
		t->row[k].v[1] += r->meeting[i].entitled;
		t->row[k].v[2] += r->meeting[i].present;
	}
	sum = total_add(t);
	for (int i = 0; i < t->nrows; i++)
		t->row[i].v[3] = stat_rate(t->row[i].v[2], t->row[i].v[1]);
	(void)sum;
	t->chart = SC_BARS;
	t->chart_cols = 1 << 0;
	snprintf(t->note, sizeof t->note,
	         "出席率＝实到人次÷应到人次；只计已散会的会议，列席人员不计。");
}

/* the months of the period as rows: 「3月」, or 「2025年12月」 when the
 * period crosses a year */
static void meetings_by_month(const struct stats_raw *r, struct stats_report *rep)
{
	struct stat_table *t = table_new(rep, "会议召开情况（按月）", "月份");
	int y0 = atoi(r->from), m0 = atoi(r->from + 5), y1 = atoi(r->to), m1 = atoi(r->to + 5);
	int cross = y0 != y1, first = y0 * 12 + m0 - 1, last = y1 * 12 + m1 - 1;
	double ent[1200] = { 0 }, pre[1200] = { 0 };
	struct stat_row *sum;

	if (last - first >= 1200)
		last = first + 1199;
	for (int k = 0; k < NKINDS; k++)
		col_add(t, kinds[k].head, SF_INT);
	col_add(t, "合计", SF_INT);
	col_add(t, "出席率", SF_PCT);
	for (int mi = first; mi <= last; mi++) {
		char label[32];

		if (cross)
			snprintf(label, sizeof label, "%d年%d月", mi / 12, mi % 12 + 1);
		else
			snprintf(label, sizeof label, "%d月", mi % 12 + 1);
		row_add(t, label);
	}
	for (int i = 0; i < r->nmeeting; i++) {
		const struct stat_meeting *m = &r->meeting[i];
		int k = kind_index(m->kind), mi = atoi(m->date) * 12 + atoi(m->date + 5) - 1 - first;

		if (k < 0 || mi < 0 || mi >= t->nrows)
			continue;
		t->row[mi].v[k] += 1;
		t->row[mi].v[NKINDS] += 1;
		ent[mi] += m->entitled;
		pre[mi] += m->present;
	}
	for (int i = 0; i < t->nrows; i++)
		t->row[i].v[NKINDS + 1] = stat_rate(pre[i], ent[i]);
	{
		double e = 0, p = 0;

		for (int i = 0; i < t->nrows; i++) {
			e += ent[i];
			p += pre[i];
		}
		sum = total_add(t);
		sum->v[NKINDS + 1] = stat_rate(p, e);
	}
	t->chart = SC_STACKED;
	t->chart_cols = (1 << NKINDS) - 1;
}

/* ---- matters -------------------------------------------------------------- */

/* what happened to one matter, as far as the period is concerned */
struct fate {
	int handled;             /* an event in the period, or open at its start */
	int proposed, decided, done, archived, rejected, withdrawn;
	int end_step, end_status;
	char proposed_on[11], decided_on[11], done_on[11];
};

static void matter_fate(const struct stats_raw *r, const struct stat_matter *m, struct fate *f)
{
	int start_step = 0, start_status = PST_ACTIVE;

	memset(f, 0, sizeof *f);
	for (int i = 0; i < m->nev; i++) {
		const struct stat_event *e = &m->ev[i];
		int in = in_period(r, e->date);

		if (strcmp(e->date, r->to) > 0)
			break;
		if (strcmp(e->date, r->from) < 0) {
			start_step = e->to_step;
			start_status = e->status;
		}
		f->end_step = e->to_step;
		f->end_status = e->status;
		if (e->action == ACT_PROPOSE && !f->proposed_on[0])
			ys_strlcpy(f->proposed_on, e->date, sizeof f->proposed_on);
		if (!in)
			continue;
		f->handled = 1;
		switch (e->action) {
		case ACT_PROPOSE:
			f->proposed = 1;
			break;
		case ACT_FORWARD:
			if (e->to_step == STEP_RESOLVE && !f->decided) {
				f->decided = 1;
				ys_strlcpy(f->decided_on, e->date, sizeof f->decided_on);
			}
			break;
		case ACT_PUBLISH_RESULT:
			if (!f->done) {
				f->done = 1;
				ys_strlcpy(f->done_on, e->date, sizeof f->done_on);
			}
			break;
		case ACT_ARCHIVE:
			f->archived = 1;
			break;
		case ACT_REJECT:
			f->rejected = 1;
			break;
		case ACT_WITHDRAW:
			f->withdrawn = 1;
			break;
		}
	}
	if (start_step > 0 && start_status == PST_ACTIVE && start_step != STEP_ARCHIVE)
		f->handled = 1;
}

static const char *category_label(const char *c)
{
	return c[0] ? c : "未分类";
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* count, mean, median, least, most of n day counts into v[0..4] */
static void durations(int *d, int n, double v[STAT_MAXCOL])
{
	double s = 0;

	v[0] = n;
	if (n == 0) {
		v[1] = v[2] = v[3] = v[4] = STAT_NA;
		return;
	}
	qsort(d, (size_t)n, sizeof *d, int_cmp);
	for (int i = 0; i < n; i++)
		s += d[i];
	v[1] = s / n;
	v[2] = n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
	v[3] = d[0];
	v[4] = d[n - 1];
}

struct matter_counts {
	int handled, proposed, decided, done, archived, rejected, withdrawn, open;
};

static void matters(const struct stats_raw *r, struct stats_report *rep, struct matter_counts *mc)
{
	struct stat_table *cat = table_new(rep, "议题办理情况（按类别）", "类别");
	struct stat_table *step, *out, *dur;
	int *to_dec = xcalloc((size_t)r->nmatter + 1, sizeof(int));
	int *to_done = xcalloc((size_t)r->nmatter + 1, sizeof(int));
	int ndec = 0, ndone = 0;
	int by_step[STEP_MAX + 1] = { 0 }, by_rej = 0, by_wd = 0;

	memset(mc, 0, sizeof *mc);
	col_add(cat, "本期办理", SF_INT);
	col_add(cat, "新提出", SF_INT);
	col_add(cat, "决议通过", SF_INT);
	col_add(cat, "办结", SF_INT);
	col_add(cat, "不予采纳", SF_INT);
	col_add(cat, "撤回", SF_INT);
	for (int i = 0; i < r->nmatter; i++) {
		struct fate f;
		struct stat_row *row;

		matter_fate(r, &r->matter[i], &f);
		if (!f.handled)
			continue;
		row = row_of(cat, category_label(r->matter[i].category));
		row->v[0] += 1;
		row->v[1] += f.proposed;
		row->v[2] += f.decided;
		row->v[3] += f.done;
		row->v[4] += f.rejected;
		row->v[5] += f.withdrawn;
		mc->handled++;
		mc->proposed += f.proposed;
		mc->decided += f.decided;
		mc->done += f.done;
		mc->archived += f.archived;
		mc->rejected += f.rejected;
		mc->withdrawn += f.withdrawn;
		if (f.end_status == PST_REJECTED)
			by_rej++;
		else if (f.end_status == PST_WITHDRAWN)
			by_wd++;
		else if (f.end_step >= 1 && f.end_step <= STEP_MAX)
			by_step[f.end_step]++;
		if (f.end_status == PST_ACTIVE && f.end_step < STEP_RESULT)
			mc->open++;
		if (f.decided && f.proposed_on[0])
			to_dec[ndec++] = ys_days_between(f.proposed_on, f.decided_on);
		if (f.done && f.proposed_on[0])
			to_done[ndone++] = ys_days_between(f.proposed_on, f.done_on);
	}
	if (cat->nrows > 1)
		qsort(cat->row, (size_t)cat->nrows, sizeof *cat->row, row_cmp_first_desc);
	total_add(cat);
	cat->chart = SC_BARS;
	cat->chart_cols = (1 << 0) | (1 << 2) | (1 << 3);
	snprintf(cat->note, sizeof cat->note,
	         "本期办理：本期内有办理环节，或期初仍在办理的议题；办结：实施结果已公开。");

	step = table_new(rep, "期末议题所处步骤", "步骤");
	col_add(step, "议题数", SF_INT);
	for (int s = STEP_PROPOSE; s <= STEP_MAX; s++)
		row_add(step, step_long_name(s))->v[0] = by_step[s];
	row_add(step, pstatus_name(PST_REJECTED))->v[0] = by_rej;
	row_add(step, pstatus_name(PST_WITHDRAWN))->v[0] = by_wd;
	total_add(step);
	step->chart = SC_BARS;
	step->chart_cols = 1;
	snprintf(step->note, sizeof step->note, "本期办理的议题到 %s 时所处的步骤。", r->to);

	out = table_new(rep, "议题办理结果", "结果");
	col_add(out, "议题数", SF_INT);
	col_add(out, "占本期办理", SF_PCT);
	{
		static const char *const labels[] = {
			"新提出", "决议通过", "实施结果公开（办结）", "归档", "不予采纳", "撤回",
			"期末尚未办结",
		};
		int n[] = { mc->proposed, mc->decided, mc->done, mc->archived, mc->rejected,
		            mc->withdrawn, mc->open };

		for (size_t i = 0; i < YS_ARRAY_LEN(labels); i++) {
			struct stat_row *row = row_add(out, labels[i]);

			row->v[0] = n[i];
			row->v[1] = stat_rate(n[i], mc->handled);
		}
	}
	out->chart = SC_BARS;
	out->chart_cols = 1;
	snprintf(out->note, sizeof out->note, "本期办理的议题共 %d 件。", mc->handled);

	dur = table_new(rep, "议题办理用时（天）", "区间");
	col_add(dur, "议题数", SF_INT);
	col_add(dur, "平均", SF_DAYS);
	col_add(dur, "中位数", SF_DAYS);
	col_add(dur, "最短", SF_INT);
	col_add(dur, "最长", SF_INT);
	durations(to_dec, ndec, row_add(dur, "提议至决议")->v);
	durations(to_done, ndone, row_add(dur, "提议至实施结果公开")->v);
	snprintf(dur->note, sizeof dur->note,
	         "只计本期内决议通过（实施结果公开）的议题，从提议日期算起的日历天数。");
	free(to_dec);
	free(to_done);
}

/* ---- 议事协商会 ----------------------------------------------------------- */

struct consult_counts {
	int held, items, agreed, people;
};

static void consults(const struct stats_raw *r, struct stats_report *rep, struct consult_counts *cc)
{
	struct stat_table *t = table_new(rep, "议事协商会", "项目");

	memset(cc, 0, sizeof *cc);
	for (int i = 0; i < r->nmeeting; i++) {
		const struct stat_meeting *m = &r->meeting[i];

		if (m->kind != MK_CONSULT)
			continue;
		cc->held++;
		cc->items += m->items;
		cc->agreed += m->agreed;
		cc->people += m->present;
	}
	col_add(t, "数量", SF_INT);
	row_add(t, "召开议事协商会（次）")->v[0] = cc->held;
	row_add(t, "协商事项（件）")->v[0] = cc->items;
	row_add(t, "形成协商意见、化解矛盾（件）")->v[0] = cc->agreed;
	row_add(t, "参加协商（人次）")->v[0] = cc->people;
	t->chart = SC_NONE;
	snprintf(t->note, sizeof t->note,
	         "形成协商意见：议程结束时记下了协商意见（决定事项）的协商事项。");
}

/* ---- 民情日记 ------------------------------------------------------------- */

struct concern_counts {
	int received, answered, on_time, overdue, proposals;
};

static void concerns(const struct stats_raw *r, const char *today, struct stats_report *rep,
                     struct concern_counts *cc)
{
	struct stat_table *t = table_new(rep, "民情日记（按类别）", "类别");
	const char *cut = strcmp(today, r->to) < 0 ? today : r->to;
	int *days = xcalloc((size_t)r->nconcern + 1, sizeof(int));
	int nd = 0;
	double v[STAT_MAXCOL];

	memset(cc, 0, sizeof *cc);
	col_add(t, "收到", SF_INT);
	col_add(t, "已答复", SF_INT);
	col_add(t, "按时答复", SF_INT);
	col_add(t, "逾期未答复", SF_INT);
	col_add(t, "转为议题", SF_INT);
	col_add(t, "答复率", SF_PCT);
	for (int i = 0; i < r->nconcern; i++) {
		const struct stat_concern *c = &r->concern[i];
		int answered = c->answered[0] && strcmp(c->answered, r->to) <= 0;
		struct stat_row *row;

		if (!in_period(r, c->date))
			continue;
		row = row_of(t, category_label(c->category));
		row->v[0] += 1;
		cc->received++;
		if (answered) {
			int on_time = !c->due[0] || strcmp(c->answered, c->due) <= 0;

			row->v[1] += 1;
			row->v[2] += on_time;
			cc->answered++;
			cc->on_time += on_time;
			days[nd++] = ys_days_between(c->date, c->answered);
		} else if (c->due[0] && strcmp(c->due, cut) < 0) {
			row->v[3] += 1;
			cc->overdue++;
		}
		row->v[4] += c->to_proposal;
		cc->proposals += c->to_proposal;
	}
	if (t->nrows > 1)
		qsort(t->row, (size_t)t->nrows, sizeof *t->row, row_cmp_first_desc);
	total_add(t);
	for (int i = 0; i < t->nrows; i++)
		t->row[i].v[5] = stat_rate(t->row[i].v[1], t->row[i].v[0]);
	t->chart = SC_BARS;
	t->chart_cols = (1 << 0) | (1 << 1);
	durations(days, nd, v);
	if (nd > 0)
		snprintf(t->note, sizeof t->note,
		         "本期收到的民情：从收到到答复平均 %.1f 天，最长 %.0f 天；逾期：到 %s 仍未答复且已过答复期限。",
		         v[1], v[4], cut);
	else
		snprintf(t->note, sizeof t->note, "逾期：到 %s 仍未答复且已过答复期限。", cut);
	free(days);
}

/* ---- the whole ------------------------------------------------------------ */

static void period_words(const char *from, const char *to, char *out, size_t len)
{
	char a[32], b[32];

	if (strcmp(from + 4, "-01-01") == 0 && strcmp(to + 4, "-12-31") == 0 &&
	    strncmp(from, to, 4) == 0) {
		snprintf(out, len, "%.4s年", from);
		return;
	}
	ys_cn_date_any(from, a);
	ys_cn_date_any(to, b);
	snprintf(out, len, "%s至%s", a, b);
}

void stats_build(const struct stats_raw *raw, const char *today, struct stats_report *rep)
{
	struct matter_counts mc;
	struct consult_counts cc;
	struct concern_counts dc = { 0 };
	const struct stat_table *kt;
	char kinds_text[512] = "", rate[32];
	size_t off = 0;

	memset(rep, 0, sizeof *rep);
	ys_strlcpy(rep->from, raw->from, sizeof rep->from);
	ys_strlcpy(rep->to, raw->to, sizeof rep->to);
	period_words(raw->from, raw->to, rep->period, sizeof rep->period);
	meetings_by_kind(raw, rep);
	meetings_by_month(raw, rep);
	matters(raw, rep, &mc);
	consults(raw, rep, &cc);
	rep->has_concerns = raw->has_concerns;
	if (rep->has_concerns)
		concerns(raw, today, rep, &dc);

	kt = &rep->table[0];
	for (int k = 0; k < NKINDS; k++)
		if (kt->row[k].v[0] > 0)
			off += (size_t)snprintf(kinds_text + off, sizeof kinds_text - off, "%s%s%.0f次",
			                        off ? "、" : "", kt->row[k].label, kt->row[k].v[0]);
	stat_cell(kt, kt->nrows - 1, 3, rate, sizeof rate);
	off = (size_t)snprintf(rep->summary, sizeof rep->summary,
	                       "%s，共召开会议%.0f次%s%s%s，平均出席率%s；办理议题%d件，其中新提出%d件、"
	                       "决议通过%d件、实施结果公开（办结）%d件；召开议事协商会%d次，"
	                       "形成协商意见、化解矛盾%d件",
	                       rep->period, kt->row[kt->nrows - 1].v[0], off ? "（" : "", kinds_text,
	                       off ? "）" : "", rate, mc.handled, mc.proposed, mc.decided, mc.done,
	                       cc.held, cc.agreed);
	if (rep->has_concerns && off < sizeof rep->summary)
		off += (size_t)snprintf(rep->summary + off, sizeof rep->summary - off,
		                        "；记录民情%d条，已答复%d条，转为议题%d件", dc.received,
		                        dc.answered, dc.proposals);
	if (off < sizeof rep->summary)
		snprintf(rep->summary + off, sizeof rep->summary - off, "。");
}
