/* meeting_papers.c: the papers printed before a meeting (papers.h) — the
 * 签到表, the 表决票, the 议程 and the chair's 主持词 — built from the
 * meeting's record as it stands: its sheet of entitled people (made when
 * the meeting was set up), its agenda, its rule set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "paper/papers.h"
#include "store/record.h"
#include "store/store.h"

static int load(struct store *st, const char *mid, struct meeting_record *r,
                char *err, size_t errlen)
{
	int rc = store_record_load(st, mid ? mid : "", REC_ITEMS | REC_ATTENDANCE, r);

	if (rc == 1)
		return ys_err(err, errlen, "会议不存在。");
	if (rc != 0)
		return ys_err(err, errlen, "读取会议失败：%s", store_errmsg(st));
	return 0;
}

/* 「2026年12月6日 09:30」 */
static void when(const struct meeting *m, char *buf, size_t len)
{
	char day[32];

	ys_cn_date_any(m->date, day);
	snprintf(buf, len, "%s%s%s", day, m->start_time[0] ? " " : "", m->start_time);
}

/* 1..99 as 一 … 九十九 (the order of business is numbered so) */
static void cn_numeral(int n, char *buf, size_t len)
{
	static const char *const dg[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (n <= 0 || n >= 100)
		snprintf(buf, len, "%d", n);
	else if (n < 10)
		snprintf(buf, len, "%s", dg[n]);
	else
		snprintf(buf, len, "%s十%s", n >= 20 ? dg[n / 10] : "", dg[n % 10]);
}

/* the head of every paper: its title, then when, where and who */
static void paper_head(struct doc *d, const struct meeting *m, const char *what)
{
	char w[64];

	when(m, w, sizeof w);
	doc_addf(d, B_TITLE, NULL, "%s%s", m->title, what);
	doc_addf(d, B_CENTER, NULL, "时间：%s　地点：%s", w, m->place[0] ? m->place : "________");
}

/* ---- 签到表 ------------------------------------------------------------------ */

struct row {
	const struct attendance *a;
	int grid_rank;           /* the order in which its 网格 first comes in the roster */
};

static int by_grid(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->grid_rank != b->grid_rank)
		return a->grid_rank < b->grid_rank ? -1 : 1;
	return a->a->person_no < b->a->person_no ? -1 : a->a->person_no > b->a->person_no;
}

/* 身份/职务: the post on the roster, else the roles that say something
 * here (not the one everybody on the sheet has, nor 居民 beside others) */
static void identity(struct store *st, const struct attendance *a, int common, char *buf,
                     size_t len)
{
	struct person p;
	int roles = a->roles & ~common;

	memset(&p, 0, sizeof p);
	if (a->person_id[0] && store_person_get(st, a->person_id, &p) == 0 && p.post[0]) {
		snprintf(buf, len, "%s", p.post);
		return;
	}
	if (roles & ~ROLE_RESIDENT)
		roles &= ~ROLE_RESIDENT;
	roles_format(roles ? roles : a->roles, buf, len);
}

int signin_doc(struct store *st, const char *meeting_id, int sort, struct doc *d,
               char *err, size_t errlen)
{
	static const int colw[] = { 8, 13, 20, 14, 23, 22 };   /* 备注 holds 「请假：」 and a short reason */
	static const char *const head[] = { "序号", "姓名", "身份/职务", "网格/楼栋", "签名", "备注" };
	static const int ocolw[] = { 8, 13, 30, 24, 25 };
	static const char *const ohead[] = { "序号", "姓名", "单位/职务", "签名", "备注" };
	struct meeting_record r;
	const struct meeting_kind_def *k;
	struct row *rows;
	int n = 0, nobs = 0, seq = 0;

	doc_init(d, DOC_SIGNIN);
	if (sort != SIGNIN_BY_NO && sort != SIGNIN_BY_GRID)
		return ys_err(err, errlen, "签到表的排序方式无效。");
	if (load(st, meeting_id, &r, err, errlen) != 0) {
		record_free(&r);
		return -1;
	}
	k = meeting_kind_get(r.m.kind);
	d->title = xasprintf("%s签到表", r.m.title);
	d->number = xstrdup(r.m.number);
	rows = xcalloc((size_t)r.natt + 1, sizeof *rows);
	for (int i = 0; i < r.natt; i++) {
		if (r.att[i].status == ATT_OBSERVER) {
			nobs++;
			continue;
		}
		if (!r.att[i].entitled)
			continue;
		rows[n].a = &r.att[i];
		/* a grid's rank: the first row of the roster in it */
		rows[n].grid_rank = n;
		for (int j = 0; j < n; j++)
			if (strcmp(rows[j].a->grid, r.att[i].grid) == 0) {
				rows[n].grid_rank = rows[j].grid_rank;
				break;
			}
		n++;
	}
	if (sort == SIGNIN_BY_GRID)
		qsort(rows, (size_t)n, sizeof *rows, by_grid);

	paper_head(d, &r.m, "签到表");
	doc_addf(d, B_CENTER, NULL, "会议编号：%s　参加对象：%s（应到 %d 人）", r.m.number,
	         k ? k->attendees : "应到人员", n);
	doc_table(d, 6, colw, 10, 1 << 0, head);
	for (int i = 0; i < n; i++) {
		const struct attendance *a = rows[i].a;
		char no[16], who[640], note[160] = "";
		snprintf(no, sizeof no, "%d", i + 1);
		identity(st, a, k ? k->entitled_roles : 0, who, sizeof who);
		if (a->status == ATT_LEAVE)
			snprintf(note, sizeof note, "请假%s%s", a->reason[0] ? "：" : "", a->reason);
		const char *cells[] = { no, a->name, who, a->grid, "", note };
		doc_row(d, 6, cells);
	}
	doc_add(d, B_SPACE, NULL, "");
	doc_addf(d, B_LINE, NULL, "应到 %d 人，实到 ______ 人，请假 ______ 人，缺席 ______ 人。", n);
	doc_add(d, B_SIGN, "记录人（签名）", "");

	/* 列席: a sheet of its own, those registered and room for more */
	doc_add(d, B_PAGEBREAK, NULL, "");
	paper_head(d, &r.m, "列席人员签到表");
	doc_add(d, B_CENTER, NULL, "列席人员不计入应到、实到人数");
	doc_table(d, 5, ocolw, 10, 1 << 0, ohead);
	for (int i = 0; i < r.natt; i++) {
		if (r.att[i].status != ATT_OBSERVER)
			continue;
		char no[16], who[640];
		snprintf(no, sizeof no, "%d", ++seq);
		identity(st, &r.att[i], 0, who, sizeof who);
		const char *cells[] = { no, r.att[i].name, who, "", "" };
		doc_row(d, 5, cells);
	}
	for (int i = 0; i < SIGNIN_OBSERVER_BLANKS; i++) {
		char no[16];
		snprintf(no, sizeof no, "%d", ++seq);
		const char *cells[] = { no };
		doc_row(d, 1, cells);
	}
	(void)nobs;
	free(rows);
	record_free(&r);
	return 0;
}

/* ---- 表决票 ------------------------------------------------------------------ */

int ballots_per_page_max(int nitems)
{
	/* without the PDF's measure (no font to measure with): a ballot is
	 * its title, the meeting, the instruction, the head row and 10 mm a
	 * row, then the cut line: four fit a page with one item, two up to
	 * six, else one */
	return nitems <= 1 ? 4 : nitems <= 6 ? 2 : 1;
}

#define BALLOT_MARKS "同意的画“○”，不同意的画“×”，弃权的不画任何符号。"

/* one ballot: the items idx[0..n-1] of r, for the person named (or NULL) */
static void ballot(struct doc *d, const struct meeting_record *r, const int *idx, int n,
                   const char *name)
{
	static const int colw[] = { 8, 56, 12, 12, 12 };
	static const char *const head[] = { "序号", "表决事项", "同意", "不同意", "弃权" };
	char w[64];

	when(&r->m, w, sizeof w);
	doc_add(d, B_TITLE, NULL, name ? "记名表决票" : "表决票");
	doc_addf(d, B_CENTER, NULL, "%s　%s", r->m.title, w);
	if (name)
		doc_addf(d, B_LINE, NULL, "表决人：%s　　　　说明：%s", name, BALLOT_MARKS);
	else
		doc_addf(d, B_LINE, NULL, "说明：%s", BALLOT_MARKS);
	doc_table(d, 5, colw, 10, 1 << 0 | 1 << 2 | 1 << 3 | 1 << 4, head);
	for (int i = 0; i < n; i++) {
		const struct agenda_item *a = &r->items[idx[i]].a;
		char no[16], *what;
		snprintf(no, sizeof no, "%d", i + 1);
		what = a->proposal_number[0] ? xasprintf("%s（议题 %s）", a->title, a->proposal_number)
		                             : xstrdup(a->title);
		const char *cells[] = { no, what, "", "", "" };
		doc_row(d, 5, cells);
		free(what);
	}
}

int ballots_doc(struct store *st, const char *meeting_id, const struct ballot_opts *o,
                struct doc *d, struct ballot_opts *used, char *err, size_t errlen)
{
	struct meeting_record r;
	struct ballot_opts u = *o;
	int idx[BALLOT_MAX_ITEMS], n = 0, sets, per, fit, total, placed = 0, rc = 0;
	const struct attendance **voters = NULL;
	int nvoters = 0;

	doc_init(d, DOC_BALLOTS);
	d->pageno = PN_NONE;
	d->title_pt = 16;
	d->body_pt = 12;
	if (u.nitems < 0 || u.nitems > BALLOT_MAX_ITEMS)
		return ys_err(err, errlen, "一次最多印 %d 项议程的表决票。", BALLOT_MAX_ITEMS);
	if (u.per_page != 0 && u.per_page != 1 && u.per_page != 2 && u.per_page != 4)
		return ys_err(err, errlen, "每页张数只能是 1、2 或 4。");
	if (u.copies < 0 || u.copies > BALLOT_MAX_COPIES)
		return ys_err(err, errlen, "份数应为 1 至 %d。", BALLOT_MAX_COPIES);
	if (load(st, meeting_id, &r, err, errlen) != 0) {
		record_free(&r);
		return -1;
	}
	/* the title names the file: each way of printing a file of its own */
	d->title = xasprintf("%s%s", r.m.title, u.named ? "记名表决票"
	                     : u.separate ? "表决票（每项单独一张）" : "表决票");
	d->number = xstrdup(r.m.number);
	if (r.nitems == 0)
		rc = ys_err(err, errlen, "会议 %s 还没有议程，无从印制表决票。", r.m.number);
	/* the items: those asked for (by their number in the agenda), else
	 * every item still open, else all */
	for (int i = 0; rc == 0 && i < u.nitems; i++) {
		if (u.items[i] < 1 || u.items[i] > r.nitems) {
			rc = ys_err(err, errlen, "会议 %s 没有第 %d 项议程（共 %d 项）。", r.m.number,
			            u.items[i], r.nitems);
			break;
		}
		idx[n++] = u.items[i] - 1;
	}
	for (int i = 0; rc == 0 && u.nitems == 0 && i < r.nitems && n < BALLOT_MAX_ITEMS; i++)
		if (r.items[i].a.outcome == OC_OPEN)
			idx[n++] = i;
	for (int i = 0; rc == 0 && n == 0 && i < r.nitems && i < BALLOT_MAX_ITEMS; i++)
		idx[n++] = i;
	if (rc != 0) {
		record_free(&r);
		doc_free(d);
		return -1;
	}

	/* 记名: a ballot for each entitled person, in roster order */
	voters = xcalloc((size_t)r.natt + 1, sizeof *voters);
	for (int i = 0; i < r.natt; i++)
		if (r.att[i].entitled)
			voters[nvoters++] = &r.att[i];
	if (u.named)
		u.copies = nvoters;
	else if (u.copies == 0)
		u.copies = r.counts.entitled > 0 ? r.counts.entitled : 1;
	if (u.named && nvoters == 0)
		rc = ys_err(err, errlen, "会议 %s 没有应到人员，无从印制记名表决票。", r.m.number);
	sets = u.separate ? n : 1;
	total = u.copies * sets;
	if (rc == 0 && total > BALLOT_MAX_COPIES)
		rc = ys_err(err, errlen, "共 %d 张，超过一次最多 %d 张；请分几次印。", total,
		            BALLOT_MAX_COPIES);
	per = u.per_page == 0 ? 4 : u.per_page;
	for (int s = 0; rc == 0 && s < sets; s++) {
		for (int c = 0; c < u.copies; c++) {
			if (placed > 0) {
				/* a cut line between ballots: the PDF sets them in
				 * equal parts of the page, `per` to a page; each
				 * item's own set (印法 每项单独一张) from a new page,
				 * so that the stacks cut apart are not mixed */
				doc_add(d, c == 0 ? B_PAGEBREAK : B_CUT, NULL, "");
			}
			ballot(d, &r, u.separate ? &idx[s] : idx, u.separate ? 1 : n,
			       u.named ? voters[c]->name : NULL);
			placed++;
		}
	}
	/* as many to a page as asked that fit: measured as the PDF sets them
	 * (long titles take more lines), else as the number of items says */
	d->pieces = per;
	fit = rc == 0 ? render_pdf_pieces(d, NULL, NULL, 0) : 0;
	if (fit <= 0)
		fit = ballots_per_page_max(u.separate ? 1 : n);
	if (per > fit)
		per = fit;
	d->pieces = per;
	u.per_page = per;
	u.nitems = n;
	for (int i = 0; i < n; i++)
		u.items[i] = idx[i] + 1;
	if (used)
		*used = u;
	free(voters);
	record_free(&r);
	if (rc != 0)
		doc_free(d);           /* nothing half made is handed back */
	return rc;
}

/* ---- 议程 and 主持词 ---------------------------------------------------------- */

/* how a kind of meeting takes an item: 商议, 审议, 表决, 协商 */
static const char *verb_of(int kind)
{
	switch (kind) {
	case MK_LIANGWEI:  return "商议";
	case MK_PARTY:     return "审议";
	case MK_RESIDENTS:
	case MK_REPS:      return "表决";
	default:           return "协商";
	}
}

int agenda_doc(struct store *st, const char *meeting_id, struct doc *d, char *err, size_t errlen)
{
	struct meeting_record r;
	const struct meeting_kind_def *k;
	char num[16], bg[1024];
	int step = 0;

	doc_init(d, DOC_AGENDA);
	if (load(st, meeting_id, &r, err, errlen) != 0) {
		record_free(&r);
		return -1;
	}
	k = meeting_kind_get(r.m.kind);
	d->title = xasprintf("%s议程", r.m.title);
	d->number = xstrdup(r.m.number);
	paper_head(d, &r.m, "议程");
	doc_addf(d, B_FIELD, "主持人", "%s%s%s", r.m.chair_post, r.m.chair_post[0] ? " " : "",
	         r.m.chair_name[0] ? r.m.chair_name : "________");
	doc_addf(d, B_FIELD, "参加对象", "%s（应到 %d 人）", k ? k->attendees : "应到人员",
	         r.counts.entitled);
	doc_add(d, B_SPACE, NULL, "");
	cn_numeral(++step, num, sizeof num);
	doc_addf(d, B_LINE, NULL, "%s、主持人宣布开会，报告应到、实到人数", num);
	for (int i = 0; i < r.nitems; i++) {
		const struct agenda_item *a = &r.items[i].a;
		cn_numeral(++step, num, sizeof num);
		if (a->proposal_id[0])
			doc_addf(d, B_LINE, NULL, "%s、%s议题 %s「%s」", num, verb_of(r.m.kind),
			         a->proposal_number, a->title);
		else
			doc_addf(d, B_LINE, NULL, "%s、%s", num, a->title);
		store_item_background(st, &r.m, a, bg, sizeof bg);
		if (bg[0])
			doc_addf(d, B_PARA, NULL, "（%s）", bg);
	}
	if (k && k->performs_step) {
		cn_numeral(++step, num, sizeof num);
		doc_addf(d, B_LINE, NULL, "%s、宣布表决结果", num);
	}
	cn_numeral(++step, num, sizeof num);
	doc_addf(d, B_LINE, NULL, "%s、散会", num);
	record_free(&r);
	return 0;
}

/* how the chair addresses the meeting */
static const char *salutation(int kind)
{
	switch (kind) {
	case MK_LIANGWEI:  return "各位委员";
	case MK_PARTY:     return "各位党员同志";
	case MK_RESIDENTS: return "各位户代表";
	case MK_REPS:      return "各位居民代表";
	default:           return "各位代表、各位居民";
	}
}

/* the vote procedure of one item, as the chair says it */
static void vote_words(struct doc *d, int method)
{
	switch (method) {
	case VM_SECRET:
		doc_add(d, B_PARA, NULL, "本议题采用无记名投票方式表决。请大家推选监票人、计票人"
		        "（提议人不担任）。……监票人为______，计票人为______。请工作人员发放表决票。"
		        "同意的画“○”，不同意的画“×”，弃权的不画任何符号。请大家填写后投入票箱。……"
		        "请监票人、计票人清点：发出表决票____张，收回____张，其中有效票____张、"
		        "无效票____张。");
		break;
	case VM_ROLLCALL:
		doc_add(d, B_PARA, NULL, "本议题采用记名方式表决，请工作人员逐一唱名，被唱名的同志"
		        "表明同意、不同意或弃权。……唱名完毕。");
		break;
	default:
		doc_add(d, B_PARA, NULL, "本议题采用举手方式表决。同意的请举手。……请放下。不同意的"
		        "请举手。……请放下。弃权的请举手。……请放下。");
		break;
	}
}

int script_doc(struct store *st, const char *meeting_id, int method, struct doc *d,
               char *err, size_t errlen)
{
	struct meeting_record r;
	const struct meeting_kind_def *k;
	struct rule_set rule;
	char q[256], pass[256], num[16], bg[1024];
	int started, present, step = 0;

	doc_init(d, DOC_SCRIPT);
	if (method < VM_HANDS || method > VM_ROLLCALL)
		return ys_err(err, errlen, "表决方式无效。");
	if (load(st, meeting_id, &r, err, errlen) != 0) {
		record_free(&r);
		return -1;
	}
	k = meeting_kind_get(r.m.kind);
	if (store_rule_get(st, r.m.rule_id, &rule) != 0) {
		record_free(&r);
		return ys_err(err, errlen, "读取会议的表决规则失败：%s", store_errmsg(st));
	}
	/* the numbers are filled in once people have signed in */
	started = r.m.status != MS_PLANNED;
	present = started ? r.counts.present : -1;
	d->title = xasprintf("%s主持词", r.m.title);
	d->number = xstrdup(r.m.number);
	paper_head(d, &r.m, "主持词");
	doc_addf(d, B_CENTER, NULL, "主持人：%s%s%s", r.m.chair_post, r.m.chair_post[0] ? " " : "",
	         r.m.chair_name[0] ? r.m.chair_name : "________");

	cn_numeral(++step, num, sizeof num);
	doc_addf(d, B_HEADING, NULL, "%s、宣布开会", num);
	rule_quorum_statement(&rule, r.counts.entitled, k ? k->entitled_label : NULL, q, sizeof q);
	if (started)
		doc_addf(d, B_PARA, NULL, "%s：本次会议%s。现在报告出席情况：应到 %d 人，实到 %d 人，"
		         "%s，现在开会。", salutation(r.m.kind), q, r.counts.entitled, r.counts.present,
		         rule.q_num <= 0 || rule_meets(r.counts.present, r.counts.entitled, rule.q_cmp,
		                                       rule.q_num, rule.q_den)
		         ? "符合法定人数" : "不足法定人数，不能表决");
	else
		doc_addf(d, B_PARA, NULL, "%s：本次会议%s。现在报告出席情况：应到 %d 人，"
		         "实到______人，符合法定人数，现在开会。", salutation(r.m.kind), q,
		         r.counts.entitled);
	doc_addf(d, B_PARA, NULL, "本次会议共有 %d 项议程。", r.nitems);

	for (int i = 0; i < r.nitems; i++) {
		const struct agenda_item *a = &r.items[i].a;
		cn_numeral(++step, num, sizeof num);
		if (a->proposal_id[0]) {
			doc_addf(d, B_HEADING, NULL, "%s、%s议题 %s「%s」", num, verb_of(r.m.kind),
			         a->proposal_number, a->title);
			store_item_background(st, &r.m, a, bg, sizeof bg);
			doc_addf(d, B_PARA, NULL, "下面进行第 %d 项议程，%s议题「%s」。%s%s请提议人（或"
			         "承办人）作说明。……", i + 1, verb_of(r.m.kind), a->title,
			         bg[0] ? bg : "", bg[0] ? "。" : "");
		} else {
			doc_addf(d, B_HEADING, NULL, "%s、%s", num, a->title);
			doc_addf(d, B_PARA, NULL, "下面进行第 %d 项议程：%s。……", i + 1, a->title);
		}
		doc_add(d, B_PARA, NULL, "大家对这个议题有什么意见和建议，请发言。……");
		if (!a->proposal_id[0] || !k || !k->performs_step)
			continue;
		doc_add(d, B_PARA, NULL, "下面进行表决。");
		vote_words(d, method);
		rule_pass_statement(&rule, r.counts.entitled, present, k->entitled_label, pass,
		                    sizeof pass);
		doc_addf(d, B_PARA, NULL, "依照%s，%s。表决结果：同意____票，不同意____票，弃权____票，"
		         "本议题（通过／未通过）。", rule.name, pass);
	}
	cn_numeral(++step, num, sizeof num);
	doc_addf(d, B_HEADING, NULL, "%s、散会", num);
	doc_add(d, B_PARA, NULL, "本次会议的议程已全部完成。表决通过的事项将按规定公开。现在散会。");
	record_free(&r);
	return 0;
}
